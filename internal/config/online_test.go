package config

import (
	"strings"
	"testing"
)

func TestOnlineSources(t *testing.T) {
	c, err := Parse("c.yaml", []byte("online:\n  europepmc_api: http://127.0.0.1:9/rest\n  sources: false\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Online.EuropePMCAPI != "http://127.0.0.1:9/rest" || c.Online.SourceChecks() {
		t.Errorf("online = %+v, source checks %v", c.Online, c.Online.SourceChecks())
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Error(), `write "europepmc-api"`) {
		t.Errorf("warnings %v, want one for the snake_case key", c.Warnings)
	}
	for _, y := range []string{"", "online:\n  enabled: true\n", "online:\n  sources: true\n"} {
		c, err := Parse("c.yaml", []byte(y))
		if err != nil || !c.Online.SourceChecks() {
			t.Errorf("%q: source checks off (err %v)", y, err)
		}
	}
	for y, want := range map[string]string{
		"online:\n  sources: maybe\n": `c.yaml:2:12: want true or false, not "maybe"`,
		"online:\n  sources: [a]\n":   "c.yaml:2:12: want true or false, not a list",
	} {
		if _, err := Parse("c.yaml", []byte(y)); err == nil || err.Error() != want {
			t.Errorf("%q gave %v, want %s", y, err, want)
		}
	}
}
