package phrase

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// windowTable has patterns whose windows are bounded by length, by
// spaces, or not at all, with anchors and word boundaries at their edges
// and further literal sets (Derived.Also) to check.
var windowTable = &Table{Name: "windows", Entries: []Entry{
	{Pattern: `read (?:the|our) (?:(?:full|original) (?:[\w-]+ )?(?:study|paper)\b|(?:study|paper) (?:here|online)\b)`},
	{Pattern: `(?:^|[.!?:;,] )((?:read|find) (?:the|a) (?:[\w'-]+ ){0,3}?(?:paper|study) here)(?: ?[.!:)]|$)`, Group: 1},
	{Pattern: `\b(?:is|are|was) (?:\w+ly )?available (?:at|on) (?:our|the) (?:[\w'-]+ ){0,2}(?:website|site|page)\b`},
	{Pattern: `visit (?:(?:our|the) (?:[\w'-]+ ){0,2}(?:website|site)\b|here\b)|visit ?(?::|$)`},
	{Pattern: `(?:\d+ )?comments?`},
	{Pattern: `(?:studies|research) (?:have |has )?(?:clearly )?(?:show[sn]?|prove[sn]?)`},
	{Phrase: "full study"},
}}

// windowWords are the words the texts are made of: the patterns' words,
// punctuation and others.
var windowWords = strings.Fields(`read the our full original new study paper here online find a is are was
	clearly available at on website site page visit : . ! , ; 3 comments comment studies research have has show
	shows shown prove proven newly it and of to x-ray lab's`)

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for n := r.IntN(40); n >= 0; n-- {
		b.WriteString(windowWords[r.IntN(len(windowWords))])
		if r.IntN(6) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// The literal filters and windows change how much text a pattern runs
// on, never what it finds: the matches are those of every pattern run on
// the whole text.
func TestWindowsFindWhatWholeTextsDo(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	texts := []string{
		"Read the full study here. Or read the original x-ray study.",
		"You can read the paper here: visit our new lab's website, or visit:",
		"3 comments. Studies have clearly shown it; research proves it.",
		"The report is newly available at our lab's site. find a paper here",
	}
	for range 3000 {
		texts = append(texts, randomText(r))
	}
	checkWindows(t, texts)
}

func checkWindows(t *testing.T, texts []string) {
	t.Helper()
	filtered := MustCompile(windowTable)
	whole := MustCompile(windowTable)
	whole.everywhere = true
	for _, s := range texts {
		n := Normalize(s)
		if got, want := filtered.Scan(nil, &n), whole.Scan(nil, &n); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: filtered %v, whole text %v", s, got, want)
		}
	}
}

func FuzzWindows(f *testing.F) {
	f.Add("Read the full study here. visit our site")
	f.Add("is available at the lab's page. 12 comments")
	f.Fuzz(func(t *testing.T, s string) { checkWindows(t, []string{s}) })
}

// Every match holds a literal of each of its pattern's further sets.
func TestAlsoLiteralsAreInEveryMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	withAlso := 0
	for _, e := range windowTable.Entries {
		if e.Pattern == "" {
			continue
		}
		d, err := Derive(e.Pattern)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Also) > 0 {
			withAlso++
		}
		re := regexp.MustCompile(e.Pattern)
		for range 3000 {
			for _, m := range re.FindAllString(Normalize(randomText(r)).Norm, -1) {
				for _, set := range d.Also {
					if !containsAny(m, set) {
						t.Fatalf("%s: match %q holds none of %q", e.Pattern, m, set)
					}
				}
			}
		}
	}
	if withAlso < 3 {
		t.Errorf("%d patterns have further literal sets, want at least 3 for this test to mean anything", withAlso)
	}
}

func containsAny(s string, lits []string) bool {
	for _, l := range lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// A pattern's window reaches as many spaces as its matches can hold.
func TestSpaceBounds(t *testing.T) {
	for pattern, want := range map[string]int{
		`visit (?:our|the) (?:[\w'-]+ ){0,2}site`: 4,
		`\w+ly available`:                         1,
		`read .* here`:                            -1,
		`^by ai`:                                  -1,
		`(?:\d+ )?comments?`:                      1,
	} {
		d, err := Derive(pattern)
		if err != nil {
			t.Fatal(err)
		}
		if d.MaxSpaces != want {
			t.Errorf("%s: MaxSpaces %d, want %d", pattern, d.MaxSpaces, want)
		}
	}
}
