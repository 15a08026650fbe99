package onlinetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The repository's fixtures load, each under the DOI it names.
func TestLoadFixtures(t *testing.T) {
	f, err := Load(filepath.Join("..", "..", "testdata", "sources"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"10.5555/JPN.2020.0142", "10.5555/JSE.2022.0087", "10.5555/BRL.2021.0311"} {
		if f.Crossref[k] == nil || f.EuropePMC[k] == nil {
			t.Errorf("%s: no Crossref or Europe PMC answer", k)
		}
	}
}

// A fixture that is neither service's answer is an error naming the file.
func TestLoadBadFixture(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"a.json": `{"status":"ok"}`, "b.json": `{"message":`} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(dir)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
		os.Remove(filepath.Join(dir, name))
	}
	if _, err := Load(dir); err == nil {
		t.Error("an empty directory loads")
	}
}
