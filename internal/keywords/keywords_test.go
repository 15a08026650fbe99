package keywords

import (
	"fmt"
	"os"
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
	// Also at the very end, and one-byte words at the last byte.
	if hits := s.Find(nil, Lower(nil, "a [")); len(hits) != 1 || hits[0].Start != 2 {
		t.Errorf("one-byte word at the end: %v", hits)
	}
	if hits := s.Find(nil, Lower(nil, "go HERE")); len(hits) != 1 || hits[0].Start != 3 {
		t.Errorf("word at the end: %v", hits)
	}
	if fmt.Sprint(got) != want {
		t.Errorf("Find = %v, want %s", got, want)
	}
}

func TestWordStart(t *testing.T) {
	s := Set{WordStart: true}
	s.Add("stud", "[", "gpt")
	var got []int32
	for _, h := range s.Find(nil, Lower(nil, "ChatGPT students, [x] undergraduate_study é-stud")) {
		got = append(got, h.Start)
	}
	// Not "gpt" in "ChatGPT" nor "stud" in "undergraduate_study"; "stud"
	// after "é-" and "[" anywhere.
	if want := []int32{8, 18, 45}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("hits at %v, want %v", got, want)
	}
}

func TestAny(t *testing.T) {
	var s Set
	s.Add("language model", "gpt")
	for text, want := range map[string]bool{
		"A Large Language Model wrote it": true,
		"ChatGPT":                         true,
		"a language, a model":             false,
		"gp":                              false,
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
	text := Lower(nil, strings.Repeat("The quick brown fox jumps over the lazy dog near a research station. ", 200))
	b.Run("with-one-byte-word", func(b *testing.B) {
		var s Set
		s.Add("studies", "research", "evidence", "guideline", "expert", "available", "visit", "link", "[", "todo", "lorem")
		benchFind(b, &s, text)
	})
	// Gate words as the rules use them, on a real article.
	src, err := os.ReadFile("../../testdata/articles/vitamin-d-lactation.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("word-starts", func(b *testing.B) {
		s := Set{WordStart: true}
		s.Add("studies", "study", "research", "evidence", "guideline", "expert", "available", "visit", "link",
			"todo", "lorem", "insert", "here", "below", "above", "proves", "proven", "cure", "breakthrough",
			"as an ai", "language model", "certainly", "i hope", "let me know", "read more", "share", "comment",
			"subscribe", "posted", "tagged", "found", "accessed", "click", "{{", "tbd", "tk", "xx", "fixme")
		benchFind(b, &s, Lower(nil, string(src)))
	})
	// As the rules' gate words: word starts, and one-byte words ("[").
	b.Run("word-starts-and-bytes", func(b *testing.B) {
		s := Set{WordStart: true}
		s.Add("studies", "study", "research", "evidence", "guideline", "expert", "available", "visit", "link",
			"todo", "lorem", "insert", "here", "below", "above", "proves", "proven", "cure", "breakthrough",
			"as an ai", "language model", "certainly", "i hope", "let me know", "read more", "share", "comment",
			"subscribe", "posted", "tagged", "found", "accessed", "click", "{{", "tbd", "tk", "xx", "fixme", "[", "<")
		benchFind(b, &s, Lower(nil, string(src)))
	})
}

func benchFind(b *testing.B, s *Set, text []byte) {
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Find(nil, text)
	}
}

// FuzzFind: Find agrees with strings.Index for every word.
func FuzzFind(f *testing.F) {
	f.Add("Studies show here is [the] gpt", false)
	f.Add("ChatGPT students_x 19a", true)
	f.Add("", true)
	f.Fuzz(func(t *testing.T, text string, wordStart bool) {
		s := Set{WordStart: wordStart}
		s.Add("stud", "studies", "[", "gpt", "here is", "e", "is", "_x", "9a")
		lower := Lower(nil, text)
		got := map[[2]int]bool{}
		for _, h := range s.Find(nil, lower) {
			got[[2]int{int(h.Word), int(h.Start)}] = true
		}
		want := 0
		for id := range s.Len() {
			w := s.Word(id)
			for i := 0; i+len(w) <= len(lower); i++ {
				if wordStart && i > 0 && wordByte[lower[i-1]] && wordByte[w[0]] {
					continue // inside a word
				}
				if string(lower[i:i+len(w)]) == w {
					want++
					if !got[[2]int{id, i}] {
						t.Fatalf("missed %q at %d in %q", w, i, text)
					}
				}
			}
		}
		if want != len(got) {
			t.Fatalf("found %d hits, want %d", len(got), want)
		}
		if s.Any(lower) != (want > 0) {
			t.Fatalf("Any = %v with %d hits", s.Any(lower), want)
		}
	})
}
