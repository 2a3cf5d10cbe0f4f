package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds every binding. Help text is filled per language by
// localizeKeys, so the help line always says what the keys do.
type KeyMap struct {
	Quit, Help, NextScreen, PrevScreen, Screen1, Screen2, Screen3, Screen4 key.Binding
	Lang                                                                   key.Binding

	// The gate. Its search box takes every printable key, so its commands
	// are Enter, Esc, arrows and control keys.
	Enter, Cancel, Up, Down, PageUp, PageDown, Home, End, Annul, WalkIn, Filter, Badge key.Binding
	GateDepart                                                                         key.Binding // departures mode at the gate

	// Lists whose letters are not typed (a contingent's members): vi keys,
	// and / to search the list.
	ListUp, ListDown, Search key.Binding

	// Contingents and a contingent's members.
	Sort, Toggle, SelectAll, Excuse, Replace, SignOff, Withdraw, Departures, Back key.Binding
	Sick, Leave                                                                   key.Binding

	// Forms.
	NextField, PrevField, Submit key.Binding
}

func newKeyMap(c *Common) KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, c.T(desc)))
	}
	return KeyMap{
		Quit:       b([]string{"ctrl+c"}, "ctrl+c", "key.quit"),
		Help:       b([]string{"?"}, "?", "key.help"),
		NextScreen: b([]string{"tab"}, "tab", "key.next_screen"),
		PrevScreen: b([]string{"shift+tab"}, "shift+tab", "key.prev_screen"),
		Screen1:    b([]string{"1", "alt+1", "f1"}, "f1…f4", "key.screen_n"), // digits go into search boxes; F keys work everywhere
		Screen2:    b([]string{"2", "alt+2", "f2"}, "2", "key.screen_n"),
		Screen3:    b([]string{"3", "alt+3", "f3"}, "3", "key.screen_n"),
		Screen4:    b([]string{"4", "alt+4", "f4"}, "4", "key.screen_n"),
		Lang:       b([]string{"ctrl+l"}, "ctrl+l", "key.lang"),

		Enter:    b([]string{"enter"}, "enter", "key.checkin"),
		Cancel:   b([]string{"esc"}, "esc", "key.clear"),
		Up:       b([]string{"up"}, "↑/↓", "key.select"),
		Down:     b([]string{"down"}, "↓", "key.select"),
		PageUp:   b([]string{"pgup"}, "pgup/pgdn", "key.page"),
		PageDown: b([]string{"pgdown"}, "pgdn", "key.page"),
		Home:     b([]string{"home"}, "home/end", "key.first_last"),
		End:      b([]string{"end"}, "end", "key.first_last"),
		ListUp:   b([]string{"k"}, "j/k", "key.select"),
		ListDown: b([]string{"j"}, "j", "key.select"),
		Search:   b([]string{"/"}, "/", "key.search_members"),
		Annul:    b([]string{"ctrl+x"}, "ctrl+x", "key.annul"),
		WalkIn:   b([]string{"ctrl+n"}, "ctrl+n", "key.walkin"),
		Filter:   b([]string{"ctrl+f"}, "ctrl+f", "key.filter"),
		Badge:    b([]string{"ctrl+p"}, "ctrl+p", "key.badge"),
		// Ctrl+D: D for departures (the search box takes every letter).
		GateDepart: b([]string{"ctrl+d"}, "ctrl+d", "key.gate_depart"),

		Sort:       b([]string{"ctrl+o"}, "ctrl+o", "key.sort"),
		Toggle:     b([]string{" "}, "space", "key.toggle"),
		SelectAll:  b([]string{"a"}, "a", "key.select_all"),
		Excuse:     b([]string{"e"}, "e", "key.excuse"),
		Replace:    b([]string{"r"}, "r", "key.replace"),
		SignOff:    b([]string{"s"}, "s", "key.sign_off"),
		Withdraw:   b([]string{"w"}, "w", "key.withdraw"),
		Departures: b([]string{"d"}, "d", "key.departures"),
		Back:       b([]string{"esc"}, "esc", "key.back"),
		Sick:       b([]string{"s"}, "s", "key.sick"),
		Leave:      b([]string{"i"}, "i", "key.leave"),

		NextField: b([]string{"tab", "down"}, "tab/↓", "key.next_field"),
		PrevField: b([]string{"shift+tab", "up"}, "shift+tab/↑", "key.prev_field"),
		Submit:    b([]string{"enter"}, "enter", "key.submit"),
	}
}
