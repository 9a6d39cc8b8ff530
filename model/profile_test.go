package model_test

import (
	"reflect"
	"testing"
	"time"

	"dossier/model"
)

func utcDate(s string) time.Time {
	t, err := time.Parse(time.DateTime, s)
	if err != nil {
		t, err = time.Parse(time.DateOnly, s)
	}
	if err != nil {
		panic("bad test date " + s)
	}
	return t
}

func TestWeekOf(t *testing.T) {
	kyiv := time.FixedZone("Kyiv", 2*3600)
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"a Monday is its own week", utcDate("2025-12-01 00:00:00"), "2025-12-01"},
		{"Monday late", utcDate("2025-12-01 23:59:59"), "2025-12-01"},
		{"Wednesday", utcDate("2025-12-03 12:00:00"), "2025-12-01"},
		{"Sunday ends the week", utcDate("2025-12-07 23:59:59"), "2025-12-01"},
		{"across a month", utcDate("2025-12-02 08:00:00"), "2025-12-01"},
		{"across a year", utcDate("2026-01-01 10:00:00"), "2025-12-29"},
		{"leap day", utcDate("2024-02-29 10:00:00"), "2024-02-26"},
		// 00:30 on Monday in Kyiv is still Sunday in UTC.
		{"zone is turned to UTC first", time.Date(2025, 12, 8, 0, 30, 0, 0, kyiv), "2025-12-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := model.WeekOf(tt.in)
			if want := utcDate(tt.want); !got.Equal(want) || got.Location() != time.UTC {
				t.Fatalf("WeekOf(%v) = %v, want %v UTC", tt.in, got, want)
			}
		})
	}
}

func TestWeeklyMentionsAndSeen(t *testing.T) {
	ref := func(date string, state model.MentionState) model.MentionRef {
		r := model.MentionRef{State: state}
		if date != "" {
			r.PublishedAt = utcDate(date)
		}
		return r
	}
	refs := []model.MentionRef{
		ref("2025-12-10 09:00:00", model.MentionConfirmed), // week of 8 December
		ref("2025-11-30 23:00:00", model.MentionProposed),  // Sunday: week of 24 November
		ref("2025-12-08 00:00:00", model.MentionProposed),  // week of 8 December
		ref("2025-12-14 23:59:59", model.MentionConfirmed), // Sunday: week of 8 December
		ref("2025-12-01 00:00:00", model.MentionProposed),  // week of 1 December
		ref("2025-11-01 00:00:00", model.MentionRejected),  // does not count, not even for first seen
		ref("2026-02-01 00:00:00", model.MentionRejected),  // nor for last seen
		ref("", model.MentionConfirmed),                    // undated: no week
	}
	want := []model.DatedCount{
		{Week: utcDate("2025-11-24"), Count: 1},
		{Week: utcDate("2025-12-01"), Count: 1},
		{Week: utcDate("2025-12-08"), Count: 3},
	}
	if got := model.WeeklyMentions(refs); !reflect.DeepEqual(got, want) {
		t.Fatalf("WeeklyMentions = %v, want %v", got, want)
	}
	first, last := model.SeenBetween(refs)
	if !first.Equal(utcDate("2025-11-30 23:00:00")) || !last.Equal(utcDate("2025-12-14 23:59:59")) {
		t.Fatalf("SeenBetween = %v, %v", first, last)
	}
	if got := model.WeeklyMentions(nil); got != nil {
		t.Fatalf("WeeklyMentions(nil) = %v, want none", got)
	}
	if first, last := model.SeenBetween(refs[5:]); !first.IsZero() || !last.IsZero() {
		t.Fatalf("SeenBetween of rejected and undated = %v, %v, want zero", first, last)
	}
}

func TestFillWeeks(t *testing.T) {
	tests := []struct {
		name string
		in   []model.DatedCount
		want []model.DatedCount
	}{
		{"none", nil, nil},
		{"one", []model.DatedCount{{utcDate("2025-12-01"), 4}}, []model.DatedCount{{utcDate("2025-12-01"), 4}}},
		{"gap across a year", []model.DatedCount{{utcDate("2025-12-22"), 2}, {utcDate("2026-01-12"), 5}}, []model.DatedCount{
			{utcDate("2025-12-22"), 2}, {utcDate("2025-12-29"), 0}, {utcDate("2026-01-05"), 0}, {utcDate("2026-01-12"), 5},
		}},
		{"no gap", []model.DatedCount{{utcDate("2025-12-01"), 1}, {utcDate("2025-12-08"), 1}},
			[]model.DatedCount{{utcDate("2025-12-01"), 1}, {utcDate("2025-12-08"), 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := model.FillWeeks(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("FillWeeks = %v, want %v", got, tt.want)
			}
		})
	}
}
