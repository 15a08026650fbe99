package article

import (
	"strings"
	"testing"
)

// langSamples are short research summaries, one per language.
var langSamples = map[string]string{
	"en": "The study followed 120 mothers who were breastfeeding. Those who took the supplement had higher levels of vitamin D, and their infants were not deficient. The authors say that this was a small trial and that the results have not been repeated.",
	"de": "Die Studie begleitete 120 stillende Mütter. Die Frauen, die das Präparat einnahmen, hatten höhere Vitamin-D-Werte, und ihre Kinder waren nicht unterversorgt. Die Autoren betonen, dass es sich um eine kleine Studie handelt und die Ergebnisse auch bei anderen Gruppen geprüft werden müssen.",
	"fr": "L'étude a suivi 120 mères qui allaitaient. Les femmes qui ont pris le supplément avaient des taux de vitamine D plus élevés, et leurs bébés ne sont pas carencés. Les auteurs rappellent que cette étude est petite et que les résultats ne sont pas encore confirmés dans une autre population.",
	"es": "El estudio siguió a 120 madres que daban el pecho. Las mujeres que tomaron el suplemento tenían niveles más altos de vitamina D, y sus bebés no tenían carencia. Los autores señalan que se trata de un ensayo pequeño y que los resultados deben confirmarse en otras poblaciones, como también en el largo plazo.",
	"it": "Lo studio ha seguito 120 madri che allattavano. Le donne che hanno preso il supplemento avevano livelli più alti di vitamina D, e i loro bambini non erano carenti. Gli autori ricordano che lo studio è piccolo e che i risultati della ricerca sono ancora da confermare nella popolazione generale, anche con dei gruppi più ampi.",
	"nl": "Het onderzoek volgde 120 moeders die borstvoeding gaven. De vrouwen die het supplement namen, hadden een hogere vitamine D-spiegel, en hun baby's hadden geen tekort. De auteurs zeggen dat het een kleine studie is en dat de resultaten ook bij andere groepen moeten worden bevestigd voordat er advies van komt.",
	"pl": "Badanie objęło 120 matek karmiących piersią. Kobiety, które przyjmowały suplement, miały wyższy poziom witaminy D, a ich dzieci nie miały niedoboru. Autorzy zaznaczają, że to było małe badanie i że wyniki nie są jeszcze potwierdzone w innych grupach, dlatego nie należy ich uogólniać na wszystkie matki w Polsce.",
	"pt": "O estudo acompanhou 120 mães que amamentavam. As mulheres que tomaram o suplemento tinham níveis mais altos de vitamina D, e os seus bebés não tinham carência. Os autores lembram que o ensaio foi pequeno e que os resultados não são definitivos, pois a amostra da investigação é reduzida e o seguimento foi curto.",
}

func TestDetectLanguage(t *testing.T) {
	for want, text := range langSamples {
		d, err := Parse("a.md", []byte("# Title\n\n"+text+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Lang.Code != want || !strings.HasPrefix(d.Lang.Source, "detected") {
			t.Errorf("%s sample: got %+v", want, d.Lang)
		}
	}
}

func TestLanguageUnsure(t *testing.T) {
	for _, text := range []string{
		"Vitamin D and breastfeeding.",                         // too short
		"Vitamin D 400 IU. DOI 10.1000/xyz. Mothers, infants.", // no function words
		langSamples["en"][:60] + " " + langSamples["de"][:60],  // mixed, short
	} {
		d, err := Parse("a.md", []byte("# T\n\n"+text+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Lang.Code != "" || d.Lang.Source != "default" || !d.Lang.Is("en") {
			t.Errorf("%q: got %+v, want unknown (taken as English)", text, d.Lang)
		}
	}
}

func TestDeclaredLanguage(t *testing.T) {
	for _, c := range []struct{ src, code, source string }{
		{"---\nlang: de-DE\n---\n# T\n\n" + langSamples["fr"] + "\n", "de", "front matter lang"},
		{"---\nlanguage: Portuguese\n---\n# T\n\nx\n", "pt", "front matter language"},
		{"---\nlocale: pt_BR\n---\n# T\n\nx\n", "pt", "front matter locale"},
		{"---\nlang: sv\n---\n# T\n\n" + langSamples["en"] + "\n", "", "front matter lang"},
	} {
		d, err := Parse("a.md", []byte(c.src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Lang.Code != c.code || d.Lang.Source != c.source {
			t.Errorf("%.30q: got %+v, want %s from %s", c.src, d.Lang, c.code, c.source)
		}
		if c.code == "" && d.Lang.Is("en") {
			t.Errorf("%.30q: declared in another language, taken as English", c.src)
		}
	}
}

// No function word is longer than the detector reads words: a longer one
// would never be counted.
func TestFunctionWordsFitTheDetector(t *testing.T) {
	for code, words := range functionWords {
		for _, w := range words {
			if len(w) > maxFunctionWord-4 || w != strings.ToLower(w) {
				t.Errorf("%s: function word %q is longer than %d bytes or not lower case", code, w, maxFunctionWord-4)
			}
		}
	}
}
