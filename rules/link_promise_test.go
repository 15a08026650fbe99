package rules_test

import (
	"reflect"
	"testing"

	"github.com/articlelint/articlelint/rules"
)

func TestLinkPromise(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"A detailed analysis can be found in our main journal article.", []string{"can be found in our main journal article"}},
		{"Read the full study at the journal.", []string{"Read the full study"}},
		{"The paper is available online.", []string{"is available online"}},
		{"More details can be found here.", []string{"can be found here"}},
		{"Visit our website for more.", []string{"Visit our website"}},
		{"To read it, click here.", []string{"click here"}},
		{"A detailed analysis can be found [here](https://example.org).", nil},
		{"Read the full study at https://doi.org/10.1234/abc today.", nil},
		{"See Table 1 and see Figure 2.", nil},
		{"As we will see, the effect held.", nil},
		{"It was published in 2019 in The Lancet.", nil},
		{"If in doubt, visit your doctor.", nil},
		{"Vitamin D receptors can be found in most tissues.", nil},
		{"The registry will be available online next year.", nil},
		{"If the package can be found here, use it.", nil},
		{"Details can be found in the paper (Smith et al., 2020).", nil},
		{"Details can be found in the paper [3].", nil},
		{"The native search available on the medRxiv website is slow.", nil},
		// Invitations to read a source, and where details are.
		{"You can read the press release here.", []string{"You can read the press release here"}},
		{"More details are in the paper.", []string{"More details are in the paper"}},
		{"You can find the full study at the link below.", []string{"You can find the full study at the link"}},
		{"See the paper for details.", []string{"See the paper"}},
		{"Read the press release here.", []string{"Read the press release here"}},
		{"You’ll find the complete report online.", []string{"You’ll find the complete report online"}},
		// White space of any kind between the words.
		{"You can  read the\u00a0press release\there.", []string{"You can  read the\u00a0press release\there"}},
		{"More details are in\nthe paper.", []string{"More details are in\nthe paper"}},
		// Near misses: a place, a person, a newspaper in a quotation, a
		// guide with its link.
		{"You can read more about vitamin D in [our guide to supplements](https://example.org/guide).", nil},
		{"You can read more about vitamin D in our guide to supplements.", nil},
		{"Read the label here in the shop.", nil},
		{"You can see the same pattern here in Britain.", nil},
		{"If you have symptoms, see the doctor.", nil},
		{"\"More details are in the paper,\" the lead author told reporters.", nil},
		{"You can find vitamin D in oily fish.", nil},
		{"The results are in line with an earlier trial.", nil},
		{"You can read the press release here.\nThe [release](https://example.org/r) has the figures.", nil},
	}
	for _, tt := range tests {
		got := editorialSpans(t, rules.LinkPromise, "a.md", "# T\n\n"+tt.text+"\n", nil)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
