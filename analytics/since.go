package analytics

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseSince reads the start of a report period: a span back from now
// ("30d", "2w", "12h") or a date ("2025-03-01", UTC).
func ParseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if len(s) >= 2 {
		n, err := strconv.Atoi(s[:len(s)-1])
		if err == nil && n > 0 && n <= 100000 {
			switch s[len(s)-1] {
			case 'h':
				return now.Add(-time.Duration(n) * time.Hour), nil
			case 'd':
				return now.AddDate(0, 0, -n), nil
			case 'w':
				return now.AddDate(0, 0, -7*n), nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("since %q: want a span such as 30d, 2w, 12h, or a date such as 2025-03-01", s)
}
