package server

import (
	"strconv"

	"github.com/spravka/spravka/analytics"
)

// chart is the geometry of the searches-per-day bar chart, drawn as inline
// SVG by admin.html: no script, nothing loaded from elsewhere.
type chart struct {
	Width, Height int
	Bars          []chartBar
	Max           int
	First, Last   string // the days at the ends of the axis
}

// chartBar is one day: the whole bar is its searches, the darker part at
// the bottom those that found nothing.
type chartBar struct {
	X, W        float64
	Y, H        float64 // all searches
	ZeroY, Zero float64 // searches with no results
	Title       string  // tooltip
}

const (
	chartWidth  = 720
	chartHeight = 160
	chartTop    = 10 // room above the tallest bar
)

func volumeChart(days []analytics.DayVolume) chart {
	c := chart{Width: chartWidth, Height: chartHeight}
	if len(days) == 0 {
		return c
	}
	c.First, c.Last = days[0].Day, days[len(days)-1].Day
	for _, d := range days {
		c.Max = max(c.Max, d.Searches)
	}
	step := float64(chartWidth) / float64(len(days))
	gap := min(2, step/4)
	scale := 0.0
	if c.Max > 0 {
		scale = float64(chartHeight-chartTop) / float64(c.Max)
	}
	for i, d := range days {
		h, z := float64(d.Searches)*scale, float64(d.ZeroResults)*scale
		c.Bars = append(c.Bars, chartBar{
			X: float64(i)*step + gap/2, W: step - gap,
			Y: chartHeight - h, H: h, ZeroY: chartHeight - z, Zero: z,
			Title: d.Day + ": " + strconv.Itoa(d.Searches) + " searches, " + strconv.Itoa(d.ZeroResults) + " with no results",
		})
	}
	return c
}
