package badge_test

import (
	"testing"

	"hadir/badge"
	"hadir/model"
)

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkBadges3000 prints the whole jamboree's badges, with covers:
// wanted under 5 s and 50 MB.
func BenchmarkBadges3000(b *testing.B) {
	for _, code := range []badge.Code{badge.Code128, badge.QR} {
		b.Run(string(code), func(b *testing.B) {
			bs := make([]badge.Badge, 0, 3000)
			for _, v := range model.GenerateRoster(3000, model.DemoSeed) {
				bs = append(bs, badge.FromVolunteer(v))
			}
			var size int64
			for b.Loop() {
				var w countingWriter
				if _, err := badge.Write(&w, bs, badge.Options{Layout: badge.A4x8, Code: code, Event: "Jambore Relawan Sosial PSKS 2026", Covers: true}); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.ReportMetric(float64(size)/1e6, "MB/pdf")
			if size > 50e6 {
				b.Errorf("the PDF of 3,000 badges is %.1f MB, over 50 MB", float64(size)/1e6)
			}
		})
	}
}
