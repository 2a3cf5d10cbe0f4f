package ui

// drawn keeps the last drawing of one part of a screen with what it was
// drawn from. lipgloss spends far more drawing a part (widths, colours,
// borders) than it takes to see that the part's inputs did not change, and
// most frames change one part or none: a gate redraws after every message,
// and on a busy day most messages change nothing it shows.
type drawn[K comparable] struct {
	key K
	out block
	ok  bool
}

// get returns the drawing for key, drawing it only when key changed.
func (d *drawn[K]) get(key K, draw func() block) block {
	if !d.ok || d.key != key {
		d.key, d.out, d.ok = key, draw(), true
	}
	return d.out
}

// text is get for a part drawn as a string: it is measured once, when drawn.
func (d *drawn[K]) text(key K, draw func() string) block {
	return d.get(key, func() block { return measure(draw()) })
}

// joined is a drawing made from other drawings: their ids are the key.
type joined = drawn[[4]uint64]
