package model

// CleanEvent cleans the text of an event on its way into the store (a
// station's own, or one merged from another station's file): the words
// people typed or a login sent, never the IDs that tie events together.
func CleanEvent(e *Event) {
	e.Station = Clean(e.Station, MaxTextLen)
	e.Operator = Clean(e.Operator, MaxTextLen)
	e.Login = Clean(e.Login, MaxTextLen)
	e.Contingent = Clean(e.Contingent, MaxTextLen)
	e.Reason = Clean(e.Reason, MaxTextLen)
	e.Note = Clean(e.Note, MaxTextLen)
	e.Leader = Clean(e.Leader, MaxNameLen)
	if e.Record != nil {
		r := CleanVolunteer(*e.Record)
		e.Record = &r
	}
}

// CleanVolunteer cleans a volunteer record typed at a gate (a walk-in):
// the name capped at MaxNameLen, the rest at MaxTextLen, the phone in the
// national form.
func CleanVolunteer(v Volunteer) Volunteer {
	v.Name = Clean(v.Name, MaxNameLen)
	v.Contingent = Clean(v.Contingent, MaxTextLen)
	v.Pillar = Clean(v.Pillar, MaxTextLen)
	v.Gender = Clean(v.Gender, MaxTextLen)
	v.Phone, _ = NormalizePhone(v.Phone)
	if v.Extra != nil {
		extra := make([]Field, len(v.Extra))
		for i, f := range v.Extra {
			extra[i] = Field{Key: Clean(f.Key, MaxTextLen), Value: Clean(f.Value, MaxTextLen)}
		}
		v.Extra = extra
	}
	return v
}
