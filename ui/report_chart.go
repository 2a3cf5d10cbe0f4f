package ui

import (
	"strconv"
	"strings"
	"time"

	"hadir/model"
)

// The report's pictures are inline SVG: printers keep SVG fills, where
// they drop CSS backgrounds.

// reportBar is a progress bar on a 0–100 scale: arrived, then excused, of
// the expected.
type reportBar struct{ Arrived, Excused, ExcusedX string }

func newReportBar(t model.Tally) reportBar {
	if t.Expected <= 0 {
		return reportBar{Arrived: "0", Excused: "0", ExcusedX: "0"}
	}
	a := 100 * float64(min(t.Arrived, t.Expected)) / float64(t.Expected)
	e := min(100-a, 100*float64(t.Excused)/float64(t.Expected))
	return reportBar{Arrived: svgNum(a), Excused: svgNum(e), ExcusedX: svgNum(a)}
}

// svgNum is a coordinate with at most two decimals.
func svgNum(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// The chart's frame, in SVG user units (it is scaled to the page's width).
const (
	reportChartW      = 720
	reportChartH      = 250
	reportChartLeft   = 44 // room for the counts
	reportChartRight  = 8
	reportChartTop    = 12
	reportChartBottom = 40 // room for the times and dates

	reportChartMinQuarters = 16 // four hours
)

// reportChart is arrivals per quarter hour as positioned shapes.
type reportChart struct {
	W, H                  int
	Left, Right           string // the plot's x range
	Top, Base             string // the plot's y range
	Bars                  []reportChartBar
	YTicks                []reportTick
	XTicks                []reportTick
	Peak, PeakAt          string
	First, Last           string // the first and last quarter (local time)
	Total, Quarters       int
	TickY, TimesY, DatesY string
}

type reportChartBar struct {
	X, Y, W, H string
	Title      string // "07:15–07:30: 12"
}

type reportTick struct {
	At          string // x or y
	Label, Date string
}

// newReportChart lays the quarters out: bars scaled to a round maximum,
// count ticks on the left, local times under the bars at a step that keeps
// about a dozen labels, and the date under the first time of each day.
func newReportChart(c *Common, quarters []model.QuarterCount) reportChart {
	ch := reportChart{W: reportChartW, H: reportChartH, Quarters: len(quarters)}
	left, right := float64(reportChartLeft), float64(reportChartW-reportChartRight)
	top, base := float64(reportChartTop), float64(reportChartH-reportChartBottom)
	ch.Left, ch.Right, ch.Top, ch.Base = svgNum(left), svgNum(right), svgNum(top), svgNum(base)
	ch.TickY, ch.TimesY, ch.DatesY = svgNum(base+4), svgNum(base+16), svgNum(base+30)
	if len(quarters) == 0 {
		return ch
	}
	peak := 0
	for _, q := range quarters {
		ch.Total += q.Count
		if q.Count > peak {
			peak = q.Count
			ch.Peak, ch.PeakAt = c.Number(q.Count), c.Clock(q.Start)
		}
	}
	ch.First, ch.Last = c.Clock(quarters[0].Start), c.Clock(quarters[len(quarters)-1].Start.Add(reportQuarter))
	step := reportChartNiceStep(max(peak, 1))
	scaleTop := ((max(peak, 1) + step - 1) / step) * step
	for v := 0; v <= scaleTop; v += step {
		y := base - (base-top)*float64(v)/float64(scaleTop)
		ch.YTicks = append(ch.YTicks, reportTick{At: svgNum(y), Label: c.Number(v)})
	}
	// A short morning keeps bars of a sensible width: the axis runs on
	// past the last arrival to at least reportChartMinQuarters.
	for last := quarters[len(quarters)-1].Start; len(quarters) < reportChartMinQuarters; {
		last = last.Add(reportQuarter)
		quarters = append(quarters[:len(quarters):len(quarters)], model.QuarterCount{Start: last})
	}
	slot := (right - left) / float64(len(quarters))
	gap := min(slot*0.2, 3)
	every := reportChartLabelEvery(len(quarters))
	lastDate := ""
	for i, q := range quarters {
		x := left + slot*float64(i)
		if q.Count > 0 {
			h := (base - top) * float64(q.Count) / float64(scaleTop)
			ch.Bars = append(ch.Bars, reportChartBar{
				X: svgNum(x + gap/2), Y: svgNum(base - h), W: svgNum(slot - gap), H: svgNum(h),
				Title: c.Clock(q.Start) + "–" + c.Clock(q.Start.Add(reportQuarter)) + ": " + c.Number(q.Count),
			})
		}
		local := q.Start.Local()
		if (local.Hour()*4+local.Minute()/15)%every != 0 {
			continue
		}
		tick := reportTick{At: svgNum(x), Label: c.Clock(q.Start)}
		if date := local.Format("02/01"); date != lastDate {
			tick.Date, lastDate = date, date
		}
		ch.XTicks = append(ch.XTicks, tick)
	}
	return ch
}

const reportQuarter = 15 * time.Minute

// reportChartNiceStep is a round step (1, 2 or 5 times a power of ten) that divides
// 0..peak into at most five parts.
func reportChartNiceStep(peak int) int {
	for mag := 1; ; mag *= 10 {
		for _, m := range []int{1, 2, 5} {
			if step := m * mag; peak <= 5*step {
				return step
			}
		}
	}
}

// reportChartLabelEvery is how many quarters apart the time labels are: 15 minutes up
// to a day, whichever keeps twelve labels or fewer.
func reportChartLabelEvery(quarters int) int {
	for _, n := range []int{1, 2, 4, 8, 12, 16, 24, 48} {
		if quarters/n <= 12 {
			return n
		}
	}
	return 96
}
