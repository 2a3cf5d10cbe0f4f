package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// Every text exists in both languages with the same format verbs, and every
// key the code uses is defined.
func TestTextsComplete(t *testing.T) {
	for k, pair := range texts {
		for lang, s := range pair {
			if strings.TrimSpace(s) == "" {
				t.Errorf("text %q has no %s version", k, []string{"Indonesian", "English"}[lang])
			}
		}
		id, en := verb.FindAllString(pair[0], -1), verb.FindAllString(pair[1], -1)
		if !slices.Equal(id, en) {
			t.Errorf("text %q: Indonesian has verbs %v, English %v", k, id, en)
		}
	}
	used := regexp.MustCompile(`"((?:app|help|screen|status|login|gate|picker|field|walkin|key|contingents?|members|role|dashboard|log|report|error)\.[a-z0-9_]+)"`)
	files, _ := filepath.Glob("*.go")
	for _, f := range append(files, "report.tmpl") {
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(f, "text") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(src), -1) {
			if _, ok := texts[m[1]]; !ok {
				t.Errorf("%s uses text %q, which is not defined in text.go", f, m[1])
			}
		}
	}
}

func TestDetectLang(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		env  map[string]string
		want Lang
	}{
		{"en", map[string]string{"HADIR_LANG": "id", "LANG": "id_ID.UTF-8"}, English},
		{"", map[string]string{"HADIR_LANG": "id", "LANG": "en_US.UTF-8"}, Indonesian},
		{"", map[string]string{"LANG": "id_ID.UTF-8"}, Indonesian},
		{"", map[string]string{"LANG": "en_US.UTF-8"}, English},
		{"", map[string]string{}, English},
	}
	for _, c := range cases {
		if got := DetectLang(c.flag, env(c.env)); got != c.want {
			t.Errorf("DetectLang(%q, %v) = %v, want %v", c.flag, c.env, got, c.want)
		}
	}
}
