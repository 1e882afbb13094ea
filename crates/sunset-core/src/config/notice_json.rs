//! `[notice_json]`: each language's `<lang>/notice.json`, for apps that show the notice in their
//! own screens. site.toml names the messages of its status text, one per phase, as the pages'
//! status box words it.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::Location;
use crate::phase::Phase;

/// The messages of the status text of `<lang>/notice.json`, by the main milestone's phase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeJson {
    /// Each phase's message, and where site.toml names it.
    pub status: Vec<(Phase, String, Location)>,
}

impl NoticeJson {
    /// The message of the status text in `phase`.
    pub fn status_message(&self, phase: Phase) -> Option<&str> {
        self.status
            .iter()
            .find(|(p, _, _)| *p == phase)
            .map(|(_, id, _)| id.as_str())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNoticeJson {
    upcoming: Spanned<String>,
    #[serde(rename = "last-day")]
    last_day: Spanned<String>,
    ended: Spanned<String>,
}

pub(super) fn validate(raw: &RawNoticeJson, at: &impl Fn(Range<usize>) -> Location) -> NoticeJson {
    let named = [
        (Phase::Upcoming, &raw.upcoming),
        (Phase::LastDay, &raw.last_day),
        (Phase::Ended, &raw.ended),
    ];
    NoticeJson {
        status: named
            .into_iter()
            .map(|(phase, id)| (phase, id.get_ref().clone(), at(id.span())))
            .collect(),
    }
}
