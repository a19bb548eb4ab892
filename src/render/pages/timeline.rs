//! The timeline: every dated event, by year and month.

use serde::Serialize;
use tera::Context;

use super::super::context::{EventView, PageKind, PageMeta};
use super::super::display::month_name;
use super::Renderer;
use crate::content::library::Library;
use crate::render::shared::Shared;

/// Events grouped for the timeline: year → month → events.
#[derive(Debug, Serialize)]
struct TimelineMonth<'a> {
    label: String,
    id: String,
    events: Vec<EventView<'a>>,
}

impl<'a> Renderer<'a> {
    pub(super) fn timeline(&self, year: Option<i32>, context: &mut Context) -> PageMeta {
        let years: Vec<(i32, usize, String)> = self
            .shared
            .years
            .iter()
            .map(|&(y, count)| (y, count, format!("{}timeline/{y}/", self.views.base)))
            .collect();
        context.insert("years", &years);
        let shown = year.or_else(|| present_year(self.library, self.shared));
        let events = shown.map_or(&[][..], |y| self.shared.events_in_year(y));
        let mut months: Vec<TimelineMonth<'_>> = Vec::new();
        for event in events {
            let (label, id) = match event.date.month {
                Some(m) => (
                    format!("{} {}", month_name(m), event.date.year),
                    format!("m{:02}", m),
                ),
                None => (
                    format!("{} (month not stated)", event.date.year),
                    "year".to_string(),
                ),
            };
            if months.last().is_none_or(|m| m.id != id) {
                months.push(TimelineMonth {
                    label,
                    id,
                    events: Vec::new(),
                });
            }
            months
                .last_mut()
                .expect("just pushed")
                .events
                .push(self.event(event));
        }
        context.insert("months", &months);
        context.insert("year", &shown);
        match year {
            Some(y) => self.meta(
                &format!("Timeline {y}"),
                &format!("Every dated event of {y}, by month."),
                &format!("timeline/{y}/"),
                PageKind::Timeline,
                None,
            ),
            None => self.meta(
                "Timeline",
                "Every dated event in the briefings, by year and month.",
                "timeline/",
                PageKind::Timeline,
                None,
            ),
        }
    }
}

/// The year the overview opens on: that of the newest briefing (the
/// corpus's "now", so the build does not depend on today's date), or the
/// latest earlier year with events; planned years stay one click away
/// instead of hiding the news.
pub(crate) fn present_year(library: &Library, shared: &Shared) -> Option<i32> {
    let years = &shared.years;
    let now = library.newest_year();
    now.and_then(|now| years.iter().map(|(y, _)| *y).find(|y| *y <= now))
        .or_else(|| years.first().map(|(y, _)| *y))
}
