package db

import "strconv"

// colType says how a JSON export gives a column: CSV is text throughout,
// but a program reading JSON wants `"leader": true` and `"expected": 102`.
type colType uint8

const (
	colText   colType = iota
	colInt            // a count
	colBool           // true or false
	colOrNull         // text, or null when there is none (not signed off)
)

// jsonValue is cell j of a row as JSON gives it.
func (t *table) jsonValue(j int, cell string) any {
	if j >= len(t.types) {
		return cell
	}
	switch t.types[j] {
	case colInt:
		if n, err := strconv.Atoi(cell); err == nil {
			return n
		}
	case colBool:
		if b, err := strconv.ParseBool(cell); err == nil {
			return b
		}
	case colOrNull:
		if cell == "" {
			return nil
		}
	}
	return cell
}
