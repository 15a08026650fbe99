package rules_test

import (
	"reflect"
	"testing"

	"github.com/articlelint/articlelint/rules"
)

func TestAIArtifact(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"As an AI language model, I cannot see the trial.", []string{"As an AI language model"}},
		{"As an AI, I summarised it.", []string{"As an AI,"}},
		{"As of my knowledge cutoff, it was new.", []string{"As of my knowledge cutoff"}},
		{"I hope this helps!", []string{"I hope this helps!"}},
		{"Certainly! Here’s the summary.", []string{"Certainly! Here’s"}},
		{"I’m not able to browse the internet.", []string{"I’m not able to browse the internet"}},
		{"Let me know if you’d like more.", []string{"Let me know if you’d like"}},
		{"Signed, [Your Name]", []string{"[Your Name]"}},
		// White space of any kind and amount between the words.
		{"Certainly!  Here  is the summary.", []string{"Certainly!  Here  is"}},
		{"Certainly!\tHere is the summary.", []string{"Certainly!\tHere is"}},
		{"Certainly!\u00a0Here is the summary.", []string{"Certainly!\u00a0Here is"}},
		{"Certainly!\nHere is the summary.", []string{"Certainly!\nHere is"}},
		{"As an\u00a0AI language\nmodel, I cannot.", []string{"As an\u00a0AI language\nmodel"}},
		{"As an AI researcher, Dr. Lee reviewed it.", nil},
		{"As an AI-assisted study, it read X-rays.", nil},
		{"Here is a summary of the feedback from readers.", nil},
		{"Feel free to ask questions in the comments.", nil},
		{"We hope this helps clinicians choose a dose.", nil},
	}
	for _, tt := range tests {
		got := editorialSpans(t, rules.AIArtifact, "a.md", "# T\n\n"+tt.text+"\n", nil)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestAIArtifactExtraPhrases(t *testing.T) {
	opts := &rules.AIArtifactOptions{Phrases: []string{"delve into", ""}}
	got := editorialSpans(t, rules.AIArtifact, "a.md", "# T\n\nLet us delve  into it. They delved into it.\n", opts)
	if want := []string{"delve  into"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
