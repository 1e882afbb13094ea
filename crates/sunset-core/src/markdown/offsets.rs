//! Byte offsets in the HTML written: where each heading's content lies, so that a heading is
//! also given as HTML (for a table of contents) without rendering it twice.

use std::cell::Cell;
use std::fmt;
use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// Writes the HTML and publishes how much has been written, which [`HeadingSpans`] reads
/// while the writer pulls events.
pub(super) struct CountingWriter<'o> {
    out: &'o mut String,
    written: &'o Cell<usize>,
}

impl<'o> CountingWriter<'o> {
    pub(super) fn new(out: &'o mut String, written: &'o Cell<usize>) -> Self {
        CountingWriter { out, written }
    }
}

impl fmt::Write for CountingWriter<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.out.push_str(text);
        self.written.set(self.out.len());
        Ok(())
    }
}

pub(super) struct HeadingSpans<'w> {
    written: &'w Cell<usize>,
    /// A heading's start tag was the last event handed to the writer.
    content_starts: bool,
    spans: Vec<Range<usize>>,
}

impl<'w> HeadingSpans<'w> {
    pub(super) fn new(written: &'w Cell<usize>) -> Self {
        HeadingSpans {
            written,
            content_starts: false,
            spans: Vec::new(),
        }
    }

    /// Called when the writer asks for an event, having written all it was handed.
    pub(super) fn writer_caught_up(&mut self) {
        if std::mem::take(&mut self.content_starts) {
            let at = self.written.get();
            self.spans.push(at..at);
        }
    }

    /// Called before `event` is handed to the writer.
    pub(super) fn before_writing(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Heading { .. }) => self.content_starts = true,
            Event::End(TagEnd::Heading(_)) => {
                if let Some(span) = self.spans.last_mut() {
                    span.end = self.written.get();
                }
            }
            _ => {}
        }
    }

    /// Each heading's content, in order.
    pub(super) fn into_spans(self) -> Vec<Range<usize>> {
        self.spans
    }
}
