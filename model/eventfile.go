package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// eventLine is one line of an events export (`hadir export events --format
// json`): the CSV's keys, plus the fields a merge needs to lose nothing.
type eventLine struct {
	ID         string     `json:"id"`
	Kind       string     `json:"kind"`
	Volunteer  string     `json:"volunteer_id"`
	Contingent string     `json:"contingent"`
	At         string     `json:"at"`
	Station    string     `json:"station"`
	Operator   string     `json:"operator"`
	Login      string     `json:"login"`
	Reason     string     `json:"reason"`
	Ref        string     `json:"ref"`
	Note       string     `json:"note"`
	Leader     string     `json:"leader"`
	Record     *Volunteer `json:"record"`
	Schema     int        `json:"schema"` // absent in files of hadir before schemas were written: 1
}

// EventsSchema is the shape of the events files this hadir writes and the
// newest it reads. A file from a newer hadir is refused, not misread.
const EventsSchema = 1

// maxEventLine bounds one line of an events file: a walk-in's record with
// MaxRecordExtras fields at their longest fits, escaped, with room to spare;
// a longer line is no export of hadir's, and would cost every later export.
const maxEventLine = 64 << 10

// MaxRecordExtras is how many extra fields a walk-in's record may carry in
// from another station. A gate's walk-in form has none; a roster row that
// became a walk-in elsewhere has its roster's few. Each extra field name
// becomes a column of every roster export, so a file with thousands is
// refused, as an import refuses a sheet of too many columns.
const MaxRecordExtras = 32

// CheckOutside refuses an event from outside (a merged file, another
// station) that carries more than a walk-in can.
func (e Event) CheckOutside() error {
	if e.Record != nil && len(e.Record.Extra) > MaxRecordExtras {
		return fmt.Errorf("walk-in %s carries %d extra fields; one from another station carries at most %d: this is not an events export of hadir's", Clean(e.ID, MaxTextLen), len(e.Record.Extra), MaxRecordExtras)
	}
	return nil
}

// ParseEvents reads an events export, one JSON object per line. Every
// problem is reported with its line; a file with any problem gives no events.
func ParseEvents(r io.Reader) ([]Event, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxEventLine)
	var out []Event
	var problems []Problem
	seen := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		e, err := parseEventLine(text)
		var newer *newerSchemaError
		if errors.As(err, &newer) {
			return nil, &ParseError{Problems: []Problem{{Line: line, Msg: err.Error()}}}
		}
		if err != nil {
			problems = append(problems, Problem{Line: line, Msg: err.Error(), TextLine: true})
			continue
		}
		if first, dup := seen[e.ID]; dup {
			problems = append(problems, Problem{Line: line, Msg: fmt.Sprintf("event %s is also on line %d", e.ID, first), TextLine: true})
			continue
		}
		seen[e.ID] = line
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return nil, &ParseError{Problems: append(problems, Problem{Line: line + 1, Msg: fmt.Sprintf("line longer than %d bytes: this is not an events export", maxEventLine), TextLine: true})}
		}
		return nil, err
	}
	if len(problems) > 0 {
		return nil, &ParseError{Problems: problems}
	}
	if len(out) == 0 {
		return nil, &ParseError{Problems: []Problem{{Line: line, Msg: "no events: export them with `hadir export events --format json -o FILE`", TextLine: true}}}
	}
	return out, nil
}

func parseEventLine(text []byte) (Event, error) {
	var l eventLine
	dec := json.NewDecoder(bytes.NewReader(text))
	if err := dec.Decode(&l); err != nil {
		return Event{}, fmt.Errorf("not an event (%v): export events as JSON lines with `hadir export events --format json`", err)
	}
	if l.Schema > EventsSchema {
		return Event{}, &newerSchemaError{l.Schema}
	}
	at, err := time.Parse(time.RFC3339Nano, l.At)
	if err != nil {
		return Event{}, fmt.Errorf("event %s: time %q is not RFC 3339", l.ID, l.At)
	}
	// IDs are compared, so one with hidden characters is refused, not
	// changed; the text is cleaned (it reaches screens, logs and spreadsheets).
	for _, id := range []struct{ what, v string }{{"ID", l.ID}, {"volunteer ID", l.Volunteer}, {"ref", l.Ref}, {"login", l.Login}} {
		if Clean(id.v, 0) != id.v {
			return Event{}, fmt.Errorf("event %q: its %s holds control or invisible characters", Clean(l.ID, MaxTextLen), id.what)
		}
	}
	e := Event{ID: l.ID, Kind: Kind(l.Kind), Volunteer: l.Volunteer, Contingent: l.Contingent, At: at.UTC(),
		Station: l.Station, Operator: l.Operator, Login: l.Login, Reason: l.Reason, Ref: l.Ref, Note: l.Note, Leader: l.Leader, Record: l.Record}
	CleanEvent(&e) // another station's file is outside text
	if err := e.CheckOutside(); err != nil {
		return Event{}, err
	}
	return e, e.Validate()
}

// newerSchemaError is an events file written by a newer hadir.
type newerSchemaError struct{ schema int }

func (e *newerSchemaError) Error() string {
	return fmt.Sprintf("written by a newer hadir (events schema %d; this hadir reads up to schema %d): merge it with the newer hadir", e.schema, EventsSchema)
}
