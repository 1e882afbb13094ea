//! Table cells aligned by a class instead of a `style` attribute, which the site's
//! Content-Security-Policy blocks: `| :-: |` gives `<td class="align-center">`. Alignment follows
//! the text's direction (`:--` is `align-start`, `--:` `align-end`), as the stylesheet's logical
//! properties do.

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

/// Where the writer is in a table: each column's alignment, the head or the body, the column.
#[derive(Default)]
pub(super) struct Tables {
    alignments: Vec<Alignment>,
    head: bool,
    column: usize,
}

impl Tables {
    /// The event as the writer gets it: the table without alignments, an aligned cell's tags
    /// written with its class.
    pub(super) fn write<'a>(&mut self, event: Event<'a>) -> Event<'a> {
        match event {
            Event::Start(Tag::Table(alignments)) => {
                let columns = alignments.len();
                self.alignments = alignments;
                Event::Start(Tag::Table(vec![Alignment::None; columns]))
            }
            Event::Start(Tag::TableHead) => {
                self.head = true;
                self.column = 0;
                event
            }
            Event::End(TagEnd::TableHead) => {
                self.head = false;
                event
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                event
            }
            Event::Start(Tag::TableCell) => match self.class() {
                Some(class) => Event::Html(format!("<{} class=\"{class}\">", self.cell()).into()),
                None => event,
            },
            Event::End(TagEnd::TableCell) => {
                let aligned = self.class().is_some();
                self.column += 1;
                match aligned {
                    true => Event::Html(format!("</{}>", self.cell()).into()),
                    false => event,
                }
            }
            event => event,
        }
    }

    fn cell(&self) -> &'static str {
        if self.head { "th" } else { "td" }
    }

    fn class(&self) -> Option<&'static str> {
        match self.alignments.get(self.column)? {
            Alignment::None => None,
            Alignment::Left => Some("align-start"),
            Alignment::Center => Some("align-center"),
            Alignment::Right => Some("align-end"),
        }
    }
}
