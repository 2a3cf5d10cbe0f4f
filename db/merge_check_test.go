package db

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"hadir/model"
)

// A file with one bad event merges nothing: dated long before the store or
// in the future, an ID number no station reaches, or an ID this station
// would write next.
func TestMergeRefusesImpossibleEvents(t *testing.T) {
	a := station(t, "gerbang 1", 0)
	checkIn(t, a, "V00001", "V00002")
	good := exportEvents(t, a)
	b := station(t, "gerbang 2", 30)
	checkIn(t, b, "V00003")
	at := good[0].At
	cases := []struct {
		name string
		bad  func(e *model.Event)
		want string
	}{
		{"two years early", func(e *model.Event) { e.At = at.AddDate(-2, 0, 0) }, "is dated"},
		{"two days ahead", func(e *model.Event) { e.At = at.Add(48 * time.Hour) }, "is dated"},
		{"number past 2^40", func(e *model.Event) { e.ID = fmt.Sprintf("%s-%d", a.StationID(), uint64(1)<<41) }, "beyond 2^40"},
		{"not a hadir ID", func(e *model.Event) { e.ID = "tanpa-nomor" }, "not an event ID that hadir makes"},
		{"this station's next number", func(e *model.Event) { e.ID = model.EventID(b.StationID(), 99) }, "would move this station's event counter"},
	}
	before := summary(b)
	for _, c := range cases {
		events := make([]model.Event, len(good))
		copy(events, good)
		c.bad(&events[1])
		if _, err := b.Merge(events, Actor{}); err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "nothing was merged") {
			t.Errorf("%s: %v, want %q and nothing merged", c.name, err, c.want)
		}
		if got := summary(b); got != before {
			t.Errorf("%s: a refused file changed the store:\n%s\nwas\n%s", c.name, got, before)
		}
	}
	checkIn(t, b, "V00004") // the counter did not move: no ID is reused
	if _, err := b.Merge(good, Actor{}); err != nil {
		t.Errorf("the good file is refused: %v", err)
	}
}
