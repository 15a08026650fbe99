package rules_test

import (
	"reflect"
	"testing"

	"github.com/articlelint/articlelint/rules"
)

// cookieBanner is 53 words long.
const cookieBanner = "We use cookies on our website to give you the most relevant experience by remembering " +
	"your preferences and repeat visits and to analyse how the site is used by readers " +
	"across the world, and by clicking Accept you consent to the use of all the cookies " +
	"described in our privacy policy and settings"

func TestResidue(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Leave a comment", []string{"Leave a comment"}},
		{"LEAVE A REPLY", []string{"LEAVE A REPLY"}},
		{"Share this:", []string{"Share this:"}},
		{"Like Loading...", []string{"Like Loading..."}},
		{"Posted in News, Research", []string{"Posted in News, Research"}},
		{"Accept all cookies", []string{"Accept all cookies"}},
		{"Continue reading →", []string{"Continue reading →"}},
		{"Skip to content", []string{"Skip to content"}},
		// The longest built-in line, a long "Posted in" line and a long
		// cookie banner: the word limits that skip long paragraphs early
		// must not skip these.
		{"Click to share on Facebook (Opens in new window)", []string{"Click to share on Facebook (Opens in new window)"}},
		{"Posted in News, Research, Health, Nutrition, Vitamins, Pregnancy, Infants, Lactation, Studies, Reviews, Updates",
			[]string{"Posted in News, Research, Health, Nutrition, Vitamins, Pregnancy, Infants, Lactation, Studies, Reviews, Updates"}},
		{cookieBanner, []string{cookieBanner}},
		{"12 Comments", []string{"12 Comments"}},
		{"Readers can leave a comment below if they have questions.", nil},
		{"Tagged proteins were visualised under a microscope.", nil},
		{"[Read more](https://example.org/study)", nil},
		{"Share this article with a clinician you know.", nil},
		{"Related work is discussed below.", nil},
		{"## Continue reading the series on package health", nil},
		// Any white space between the words, punctuation and symbols
		// around them.
		{"Like\tLoading...", []string{"Like\tLoading..."}},
		{"Back\u00a0to  top ↑", []string{"Back\u00a0to  top ↑"}},
		{"» Read more «", []string{"» Read more «"}},
		{"_Read more_", []string{"Read more"}},
		{"Subscribe to our newsletter\u00a0!", []string{"Subscribe to our newsletter\u00a0!"}},
		{"Continue reading\u0085the post", []string{"Continue reading\u0085the post"}},
		{"ADVERTISEMENT", []string{"ADVERTISEMENT"}},
		{"Advertisementsx", nil},
		{"Related posts é", nil},
		{"É Related posts", nil},
		{"We use cookie dough in every recipe.", nil},
		{"By continuing to use this site you agree", []string{"By continuing to use this site you agree"}},
		{"By continuing to use this site you agree. Thanks.", nil},
		{"Tagged proteins were measured.", nil},
		{"Posted in News. Health", nil},
	}
	for _, tt := range tests {
		got := editorialSpans(t, rules.Residue, "a.md", "# T\n\nSome text.\n\n"+tt.text+"\n", nil)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestResidueExtraPhrases(t *testing.T) {
	opts := &rules.ResidueOptions{Phrases: []string{"Download PDF"}}
	got := editorialSpans(t, rules.Residue, "a.txt", "Intro\nText here.\nDownload PDF.\nYou can download PDF files.\n", opts)
	if want := []string{"Download PDF."}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Configured lines match a whole paragraph or heading, ignoring case,
// white space and the punctuation around them.
func TestResidueExtraLines(t *testing.T) {
	opts := &rules.ResidueOptions{Phrases: []string{"Thanks for reading!", "Download PDF."}}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Thanks for reading", []string{"Thanks for reading"}},
		{"THANKS  for\u00a0reading!!", []string{"THANKS  for\u00a0reading!!"}},
		{"Download PDF", []string{"Download PDF"}},
		{"Thanks for reading the whole study.", nil},
		{"We wrote it. Thanks for reading!", nil},
	} {
		got := editorialSpans(t, rules.Residue, "a.md", "# T\n\nSome text.\n\n"+tt.text+"\n", opts)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
