package model

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

const goodEventLine = `{"id":"k7f3q2-000001","kind":"arrive","volunteer_id":"JRS-BLG-0001","contingent":"Kab. Balangan","at":"2026-12-04T01:14:00Z","station":"gerbang 1","operator":"Rina","reason":"","ref":"","schema":1}`

// Text in a merged file reaches screens, logs and spreadsheets: control,
// escape and bidi characters are stripped from it on the way in; an ID
// that carries them is refused, since IDs are compared.
func TestParseEventsCleansText(t *testing.T) {
	line := strings.Replace(goodEventLine, `"gerbang 1"`, `"gerbang\u001b[31m 1\u202e"`, 1)
	line = strings.Replace(line, `"Rina"`, `"Ri\rna\u0007"`, 1)
	events, err := ParseEvents(strings.NewReader(line))
	if err != nil {
		t.Fatal(err)
	}
	if e := events[0]; e.Station != "gerbang 1" || e.Operator != "Ri na" {
		t.Errorf("station %q, operator %q: control characters kept", e.Station, e.Operator)
	}
	bad := strings.Replace(goodEventLine, `"JRS-BLG-0001"`, `"JRS-BLG-0001\u200b"`, 1)
	if _, err := ParseEvents(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "control or invisible characters") {
		t.Errorf("a volunteer ID with a hidden character: %v", err)
	}
}

// A file written by a newer hadir is refused once, naming both schemas.
func TestParseEventsRefusesANewerSchema(t *testing.T) {
	newer := strings.Repeat(strings.Replace(goodEventLine, `"schema":1`, `"schema":7`, 1)+"\n", 3)
	_, err := ParseEvents(strings.NewReader(newer))
	var pe *ParseError
	if !errors.As(err, &pe) || len(pe.Problems) != 1 || !strings.Contains(err.Error(), "events schema 7; this hadir reads up to schema 1") {
		t.Errorf("a newer file: %v", err)
	}
}

// FuzzParseEvents: no input makes the merge reader panic or hang, and what
// it returns is valid, clean and unique by ID.
func FuzzParseEvents(f *testing.F) {
	for _, s := range []string{
		goodEventLine,
		goodEventLine + "\n" + goodEventLine,
		"",
		"\n\n",
		"not json",
		`{"id":"a-1","kind":"walk-in","volunteer_id":"W-a-1","at":"2026-12-04T01:00:00Z","record":{"id":"W-a-1","name":"Budi\u0000"}}`,
		`{"id":"a-2","kind":"annul","ref":"a-1","reason":"salah","at":"2026-12-04T01:00:00+08:00"}`,
		`{"id":"a-3","kind":"arrive","volunteer_id":"X","at":"bukan waktu"}`,
		`{"id":"a-4","kind":"arrive","volunteer_id":"X","at":"2026-12-04T01:00:00Z","schema":99}`,
		`{"id":"a-5","kind":"excuse","volunteer_id":"X","reason":"sakit","at":"2026-12-04T01:00:00Z"}{"id":"x"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		events, err := ParseEvents(bytes.NewReader(data))
		if err != nil {
			if events != nil {
				t.Fatal("events returned with an error")
			}
			return
		}
		seen := map[string]bool{}
		for _, e := range events {
			if err := e.Validate(); err != nil {
				t.Fatalf("an invalid event was returned: %v", err)
			}
			if seen[e.ID] {
				t.Fatalf("event %s returned twice", e.ID)
			}
			seen[e.ID] = true
			if e.At.Location() != time.UTC {
				t.Fatalf("event %s not in UTC", e.ID)
			}
			for _, s := range []string{e.Station, e.Operator, e.Reason, e.Note, e.Leader, e.Contingent, e.ID, e.Volunteer} {
				if Clean(s, 0) != s {
					t.Fatalf("event %s keeps text Clean would change: %q", e.ID, s)
				}
			}
		}
	})
}
