package keywords

import (
	"fmt"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	var s Set
	ids := s.Add("here", "here is", "stud", "studies", "[", "here")
	if ids[5] != ids[0] {
		t.Fatalf("a repeated word got a new id: %v", ids)
	}
	text := "So Here is a STUDY: [studies]"
	var got []string
	for _, h := range s.Find(nil, Lower(nil, text)) {
		w := s.Word(int(h.Word))
		if !strings.EqualFold(text[h.Start:h.End], w) {
			t.Errorf("hit %q at %d does not point at the word", w, h.Start)
		}
		got = append(got, fmt.Sprintf("%s@%d", w, h.Start))
	}
	want := "[here@3 here is@3 stud@13 [@20 stud@21 studies@21]"
	if fmt.Sprint(got) != want {
		t.Errorf("Find = %v, want %s", got, want)
	}
}

func TestAny(t *testing.T) {
	var s Set
	s.Add("language model", "gpt")
	for text, want := range map[string]bool{
		"A Large Language Model wrote it": true,
		"ChatGPT":                         true,
		"a language, a model":             false,
		"":                                false,
	} {
		if got := s.Any(Lower(nil, text)); got != want {
			t.Errorf("Any(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestAddAfterSearchPanics(t *testing.T) {
	var s Set
	s.Add("a")
	s.Find(nil, []byte("a"))
	defer func() {
		if recover() == nil {
			t.Error("Add after a search did not panic")
		}
	}()
	s.Add("b")
}

func TestEmptySet(t *testing.T) {
	var s Set
	if hits := s.Find(nil, []byte("anything")); len(hits) != 0 {
		t.Errorf("an empty set found %v", hits)
	}
}

func TestLowerKeepsOffsets(t *testing.T) {
	in := "ÄBC İx Zé"
	out := string(Lower(nil, in))
	if len(out) != len(in) || out != "Äbc İx zé" {
		t.Errorf("Lower(%q) = %q", in, out)
	}
}

func BenchmarkFind(b *testing.B) {
	var s Set
	s.Add("studies", "research", "evidence", "guideline", "expert", "available", "visit", "link", "[", "todo", "lorem")
	text := Lower(nil, strings.Repeat("The quick brown fox jumps over the lazy dog near a research station. ", 200))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Find(nil, text)
	}
}
