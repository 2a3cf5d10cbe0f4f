package model

import (
	"math/rand/v2"
	"testing"
	"time"
)

func note(id, code, why, vol string, min int) Event {
	e := ev(id, KindNote, vol, min)
	e.Note, e.Reason = code, why
	return e
}

// A refused scan is on record and changes no count, whatever the order the
// events come in, and a note naming a volunteer leaves their status alone.
func TestNotesNeverCount(t *testing.T) {
	base := []Event{ev("s-1", KindArrive, "A1", 0), ev("s-2", KindArrive, "A2", 1), ev("s-3", KindDepart, "A2", 30)}
	without := mustFold(t, roster3(), base)
	events := append(base[:3:3],
		note("s-4", "ZZZ-999", NoteUnknownBadge, "ZZZ-999", 5), // the code stands for the volunteer
		note("s-5", "A2", NoteDeparted, "A2", 40),
		note("s-6", "B1", NoteRefusedRole, "B1", 41),
	)
	for i := 0; i < 20; i++ {
		shuffled := append([]Event(nil), events...)
		rand.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		s := mustFold(t, roster3(), shuffled)
		if s.Totals() != without.Totals() {
			t.Fatalf("notes changed the count: %+v, without them %+v", s.Totals(), without.Totals())
		}
		for _, id := range []string{"A1", "A2", "B1"} {
			p, _ := s.Person(id)
			q, _ := without.Person(id)
			if p.Status != q.Status {
				t.Fatalf("%s is %v with the notes, %v without", id, p.Status, q.Status)
			}
		}
		if got := s.Notes(t0.Add(10 * time.Minute)); len(got) != 2 || got[0].ID != "s-5" || got[1].ID != "s-6" {
			t.Fatalf("notes since 10 minutes in: %+v, want s-5 and s-6 in order", got)
		}
		if got := s.Notes(time.Time{}); len(got) != 3 {
			t.Fatalf("all notes: %d, want 3", len(got))
		}
		if n := s.EventCount(); n != 6 {
			t.Fatalf("the log holds %d events, want 6 (notes are in the log)", n)
		}
		if len(s.Orphans()) != 0 {
			t.Fatalf("a note for an unknown badge is reported as an orphan: %+v", s.Orphans())
		}
	}
}

func TestAnnulledNoteIsNotListed(t *testing.T) {
	s := mustFold(t, roster3(), []Event{note("s-1", "ZZZ-1", NoteUnknownBadge, "", 0), ev("s-2", KindAnnul, "", 1, ref("s-1"), reason("test scan"))})
	if got := s.Notes(time.Time{}); len(got) != 0 {
		t.Fatalf("an annulled note is listed: %+v", got)
	}
}

func TestNoteMustSayWhatAndWhy(t *testing.T) {
	for _, e := range []Event{note("s-1", "", NoteUnknownBadge, "", 0), note("s-1", "X1", "", "", 0)} {
		if e.Validate() == nil {
			t.Errorf("note %+v is valid; it must say what was scanned and why", e)
		}
	}
	if err := note("s-1", "X1", NoteUnknownBadge, "", 0).Validate(); err != nil {
		t.Errorf("a complete note is refused: %v", err)
	}
}
