package db

import (
	"fmt"
	"slices"
	"testing"

	"hadir/model"
)

// contingentsOf is each contingent's name and count, as the committee's
// table shows them.
func contingentsOf(s *Store) []string {
	var out []string
	s.Read(func(st *model.State, _ *model.Index) {
		for _, c := range st.Contingents() {
			out = append(out, fmt.Sprintf("%s %d/%d", c.Name, c.Arrived, c.Expected))
		}
	})
	return out
}

// A walk-in typed without its kind at one gate and a new contingent of the
// same name at another: merged in either order, and after a reopen, every
// store shows the contingents ContingentNames gives, the bare name with the
// Kabupaten while it is the only kind, apart once a Kota of it comes.
func TestMergedSpellingsGroupAsTheResolverSays(t *testing.T) {
	a := station(t, "gerbang 1", 0)
	b := station(t, "gerbang 2", 10)
	if _, err := a.WalkIn(model.Volunteer{Name: "Udin", Contingent: "Balangan", Gender: "L"}, Actor{Operator: "op"}); err != nil {
		t.Fatal(err)
	}
	before := []string{"Kab. Balangan 1/8", "Kab. Tapin 0/6", "Kota Banjarmasin 0/7"}
	if got := contingentsOf(a); !slices.Equal(got, before) {
		t.Fatalf("a walk-in to Balangan: %q, want %q", got, before)
	}
	if _, err := b.WalkIn(model.Volunteer{Name: "Iwan", Contingent: "Kota Balangan", Gender: "L"}, Actor{Operator: "op"}); err != nil {
		t.Fatal(err)
	}
	c, d := mergedBothWays(t, a, b)
	after := []string{"Balangan 1/1", "Kab. Balangan 0/7", "Kab. Tapin 0/6", "Kota Balangan 1/1", "Kota Banjarmasin 0/7"}
	for name, s := range map[string]*Store{"A then B": c, "B then A": d} {
		if got := contingentsOf(s); !slices.Equal(got, after) {
			t.Errorf("%s: %q, want %q", name, got, after)
		}
	}
	path := c.Path()
	c.Close()
	reopened, err := Open(path, WithClock(c.now))
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if got := contingentsOf(reopened); !slices.Equal(got, after) {
		t.Errorf("after reopening: %q, want %q", got, after)
	}
}
