package ui

import (
	"bytes"
	"strings"
	"testing"

	"hadir/db"
)

// TestReportSignatureBlock: the report ends with the final total, the place
// and date, and a line for each signatory in the report's language, the
// names from `hadir event`, blank lines where none is set.
func TestReportSignatureBlock(t *testing.T) {
	st := testStore(t, nil)
	if err := st.SetSignatories(db.Signatories{Place: "Taman Kiram, Kab. Banjar", Chair: "H. Rahmadi, S.Sos.",
		Witnesses: [2]string{"Gusti Randi", ""}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang Lang
		want []string
	}{
		{Indonesian, []string{"Pengesahan", "Jumlah relawan yang hadir: 0 dari 3.000 yang diharapkan.",
			"Taman Kiram, Kab. Banjar, " + longDate(testClock, Indonesian), "Ketua Panitia,", "H. Rahmadi, S.Sos.", "Sekretaris,", "Saksi 1,", "Gusti Randi", "Saksi 2,"}},
		{English, []string{"Signatures", "Total volunteers arrived: 0 of 3,000 expected.",
			"Taman Kiram, Kab. Banjar, " + longDate(testClock, English), "Committee chair,", "Secretary,", "Witness 1,", "Witness 2,"}},
	} {
		var out bytes.Buffer
		if err := WriteReport(&out, st, tc.lang, testClock); err != nil {
			t.Fatal(err)
		}
		html := out.String()
		i := strings.Index(html, `<section id="signatures">`)
		if i < 0 {
			t.Fatal("no signature block")
		}
		block := html[i:]
		block = block[:strings.Index(block, "</section>")]
		for _, w := range tc.want {
			if !strings.Contains(block, w) {
				t.Errorf("%v: the signature block lacks %q:\n%s", tc.lang, w, block)
			}
		}
		// The secretary and the second witness are unset: blank lines.
		if n := strings.Count(block, `<div class="name">&nbsp;</div>`); n != 2 {
			t.Errorf("%v: %d blank name lines, want 2 (secretary, witness 2)", tc.lang, n)
		}
		if strings.Index(html, `id="signatures"`) < strings.Index(html, `id="audit"`) {
			t.Errorf("the signature block is not at the end")
		}
	}

	// No place set: a blank to fill in before the date.
	if err := st.SetSignatories(db.Signatories{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := WriteReport(&out, st, Indonesian, testClock); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `<span class="blank"></span>, `+longDate(testClock, Indonesian)) {
		t.Error("without a place, the date does not follow a blank to fill in")
	}
}
