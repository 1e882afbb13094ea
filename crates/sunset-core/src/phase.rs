//! The three phases of a notice and of each of its milestones: before its last day, on it,
//! after it. Site configuration names them (phase blocks, `[phases.*]`) and the clock works
//! them out; both depend on this module, neither on the other for it.

use serde::Serialize;

/// The phases in the order a notice goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Upcoming,
    LastDay,
    Ended,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Upcoming, Phase::LastDay, Phase::Ended];

    /// The name used in markup (`data-phase`), Markdown phase blocks and translations.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Upcoming => "upcoming",
            Phase::LastDay => "last-day",
            Phase::Ended => "ended",
        }
    }

    pub fn from_name(name: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.as_str() == name)
    }

    /// The word phase blocks put before a milestone's name for this phase
    /// (`::: before export-closes`).
    pub fn word(self) -> &'static str {
        match self {
            Phase::Upcoming => "before",
            Phase::LastDay => "on",
            Phase::Ended => "after",
        }
    }

    pub fn from_word(word: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.word() == word)
    }
}
