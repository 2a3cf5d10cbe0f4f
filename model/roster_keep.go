package model

// What a file does not say is kept: a later file of the same people with
// fewer columns (a shirt-size list with IDs and names), or an empty cell,
// never erases what the store has. Deleting a stored value is a deliberate
// act, not a side effect of an import.

// keepStored returns the row's record with every value the row leaves
// empty taken from the stored record: phone, pillar, gender, the leader
// mark (when the file does not say), and each extra column the row has no
// value for. Values the row gives win.
func keepStored(stored Volunteer, row ImportRow) Volunteer {
	v := row.Volunteer
	if v.Phone == "" {
		v.Phone = stored.Phone
	}
	if v.Pillar == "" {
		v.Pillar = stored.Pillar
	}
	if v.Gender == "" {
		v.Gender = stored.Gender
	}
	if !row.LeaderSaid {
		v.Leader = v.Leader || stored.Leader
	}
	v.Extra = keepExtras(stored.Extra, v.Extra)
	return v
}

// keepExtras merges extra columns: the stored ones in their order, each
// with the file's value when it gives one, then the file's new columns.
func keepExtras(stored, file []Field) []Field {
	if len(stored) == 0 {
		return file
	}
	out := make([]Field, 0, len(stored)+len(file))
	used := make([]bool, len(file))
	for _, s := range stored {
		f := s
		for j, n := range file {
			if !used[j] && equalFoldKey(n.Key, s.Key) {
				used[j] = true
				if n.Value != "" {
					f.Value = n.Value
				}
				break
			}
		}
		out = append(out, f)
	}
	for j, n := range file {
		if !used[j] {
			out = append(out, n)
		}
	}
	return out
}

// equalFoldKey compares two column headers as the same column: "No. HP"
// and "no hp" are one.
func equalFoldKey(a, b string) bool { return a == b || normHeader(a) == normHeader(b) }
