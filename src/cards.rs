//! Share cards drawn, or kept from the output folder. A card's name is a hash of everything it
//! shows (see `sunset_core::card`), so a card the output already holds under its name is the
//! same picture: it is not drawn again. `build` links such files into the new output, without
//! reading or writing their bytes; `watch` takes them from its last write.

use std::collections::HashMap;

use sunset_core::card::{CardPlan, Cards};

use crate::diagnostics::Diagnostic;
use crate::files::OutputFile;
use crate::output::Output;

/// A build's cards: those to write, and those the output folder keeps.
#[derive(Debug, Default)]
pub struct CardFiles {
    pub files: Vec<OutputFile>,
    /// Paths of cards the output folder already holds, to keep as they are.
    pub kept: Vec<String>,
    /// How many were drawn.
    pub drawn: usize,
}

/// For a build into `output`: cards it holds are kept, the others drawn (on every core).
pub fn for_build(output: &Output, cards: &Cards) -> Result<CardFiles, Vec<Diagnostic>> {
    let held = output.holds(cards.plans.iter().map(|plan| plan.path.as_str()));
    let (kept, to_draw): (Vec<&CardPlan>, Vec<&CardPlan>) = cards
        .plans
        .iter()
        .map(AsRef::as_ref)
        .partition(|plan| held.contains(&plan.path));
    let files = cards.draw(&to_draw)?;
    Ok(CardFiles {
        drawn: files.len(),
        files,
        kept: kept.into_iter().map(|plan| plan.path.clone()).collect(),
    })
}

/// For a rebuild of watch, which keeps every file it writes in memory: cards of its last write
/// (`written`) are taken from it, cards the folder held before its first write are read, the
/// others drawn. All come back as files, so that watch knows every byte it wrote.
pub fn for_rebuild(
    output: &Output,
    written: &[OutputFile],
    cards: &Cards,
) -> Result<CardFiles, Vec<Diagnostic>> {
    let written: HashMap<&str, &OutputFile> =
        written.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut files = Vec::new();
    let mut to_draw = Vec::new();
    for plan in &cards.plans {
        let kept = match written.get(plan.path.as_str()) {
            Some(file) => Some((*file).clone()),
            None => output.read(&plan.path).map(|bytes| OutputFile {
                path: plan.path.clone(),
                bytes,
            }),
        };
        match kept {
            Some(file) => files.push(file),
            None => to_draw.push(plan.as_ref()),
        }
    }
    let drawn = cards.draw(&to_draw)?;
    let count = drawn.len();
    files.extend(drawn);
    Ok(CardFiles {
        files,
        kept: Vec::new(),
        drawn: count,
    })
}
