package ui

import (
	"bytes"
	"testing"

	"hadir/db"
	"hadir/internal/testclock"
)

// A check-in at 07:30 in Kalimantan is the evening before in UTC. The gate's
// "today", the chart's quarter hours and the report's dates follow the
// campsite's clock (these tests run in WITA), never UTC's day.
func TestEarlyMorningTimesFollowTheCampsiteZone(t *testing.T) {
	early := testclock.Day(7, 30)
	if early.UTC().Day() == early.Day() {
		t.Fatalf("07:30 WITA (%v) should be the day before in UTC", early.UTC())
	}
	clock := testclock.New(early)
	st := testStoreOn(t, nil, clock)
	if _, err := st.CheckIn("JRS-BLG-0002", db.Actor{Station: "gerbang 2", Operator: "Budi"}); err != nil {
		t.Fatal(err)
	}
	clock.Set(testclock.Day(9, 0)) // the same morning, in WITA; the screens read the store's clock
	later := clock.Now

	for _, lang := range []Lang{English, Indonesian} {
		d, common := newGateDriver(t, st, lang, 120, 30)
		common.Now = later
		d.typeText("JRS-BLG-0002")
		words := map[Lang]string{English: "Arrived 07:30 at gerbang 2", Indonesian: "Tiba 07:30 di gerbang 2"}
		d.mustShow(words[lang]) // today: the time alone, no day
		d.mustNotShow(dayAndTime(early, lang))
	}

	d, dash := newDashboardDriver(t, st, English, 120, 40)
	dash.c.Now = later
	d.send(storeChangedMsg{})
	if chart := dashChartArea(t, d.view(), "Arrivals per 15 minutes"); !bytes.Contains([]byte(chart), []byte("07:30")) {
		t.Errorf("the chart's quarter is not the campsite's 07:30:\n%s", chart)
	}

	var out bytes.Buffer
	if err := WriteReport(&out, st, Indonesian, early); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{early.Format("2006-01-02 15:04 MST"), longDate(early, Indonesian)} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("the report made at 07:30 WITA does not say %q", want)
		}
	}
}
