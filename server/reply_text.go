package server

import (
	"strings"
)

// tableRow is one row of a table in an article's plain text, with the
// header row of its table (nil for the header itself).
type tableRow struct {
	cells, header []string
}

// tableRows finds the tables in article texts as the indexer writes them
// (one line per row, cells separated by tabs, the header row first) and
// keys each row by the form a suggest passage shows it in.
func tableRows(texts ...string) map[string]tableRow {
	rows := map[string]tableRow{}
	for _, text := range texts {
		var header []string
		for _, line := range strings.Split(text, "\n") {
			if !strings.Contains(line, "\t") {
				header = nil
				continue
			}
			cells := strings.Split(line, "\t")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			row := tableRow{cells: cells, header: header}
			if header == nil {
				header = cells
			}
			rows[passageLine(line)] = row
		}
	}
	return rows
}

// passageLine is a table row as search's passages show it (passageText in
// search/passage.go): cells joined by " | ", the empty ones at either end
// dropped. Should the two drift apart, rows are no longer recognised and
// replyPassage falls back to joining the cells.
func passageLine(line string) string {
	line = strings.Join(strings.Fields(strings.ReplaceAll(line, "\t", " | ")), " ")
	return strings.Trim(line, " |")
}

// replyPassage turns a passage into text an agent can paste into a reply:
// a table row becomes "label: column — value; …" (or "label — value" for
// a two-column table), the header rows go, and other lines stay as they
// are. rows are the tables of the passage's article; a row not among them
// (a passage cut inside a row) has its cells joined by dashes.
func replyPassage(passage string, rows map[string]tableRow) string {
	lines := strings.Split(passage, "\n")
	out := lines[:0]
	for _, line := range lines {
		if !strings.Contains(line, " | ") {
			out = append(out, line)
			continue
		}
		row, ok := rows[line]
		switch {
		case !ok:
			out = append(out, joinCells(strings.Split(line, "|"), " — "))
		case row.header == nil:
			// The column names reappear in every row below.
		default:
			out = append(out, row.text())
		}
	}
	return strings.Join(out, "\n")
}

// text is the row as a line of a reply.
func (r tableRow) text() string {
	if len(r.cells) <= 2 {
		return joinCells(r.cells, " — ")
	}
	var pairs []string
	for i, v := range r.cells[1:] {
		col := ""
		if i+1 < len(r.header) {
			col = r.header[i+1]
		}
		switch {
		case blankCell(v):
			// "—" in a price table means "not on this plan"; a reply
			// leaves the plan out instead.
		case col == "":
			pairs = append(pairs, v)
		default:
			pairs = append(pairs, col+" — "+v)
		}
	}
	label := strings.TrimSpace(r.cells[0])
	switch {
	case label == "":
		return strings.Join(pairs, "; ")
	case len(pairs) == 0:
		return label
	}
	return label + ": " + strings.Join(pairs, "; ")
}

// joinCells joins the non-blank cells with sep.
func joinCells(cells []string, sep string) string {
	var keep []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); !blankCell(c) {
			keep = append(keep, c)
		}
	}
	return strings.Join(keep, sep)
}

// blankCell reports whether a table cell says nothing: empty or a dash.
func blankCell(c string) bool {
	switch strings.TrimSpace(c) {
	case "", "—", "–", "-":
		return true
	}
	return false
}
