//! Tera's errors as diagnostics that point into the template file.

use crate::diagnostics::{Diagnostic, Location};
use crate::source::TemplateFile;

/// Turns a Tera error into a diagnostic that points into the template file.
pub(super) fn template_error(templates: &[TemplateFile], error: &tera::Error) -> Diagnostic {
    let report = match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => report,
        _ => {
            return Diagnostic::error(format!("template: {}", full_message(error)))
                .hint("see the templates/ folder");
        }
    };
    let mut message = report.message().to_string();
    if let Some(cause) = std::error::Error::source(error) {
        message = format!("{message}: {cause}");
    }
    let diagnostic = Diagnostic::error(message).code("template").hint(
        "templates use Tera 2 syntax; translations come from t(id=\"…\") and links from url(path=\"…\")",
    );
    match templates.iter().find(|t| t.name == report.filename()) {
        Some(template) => {
            let span = report.span();
            let line_text = template
                .text
                .lines()
                .nth(span.start_line.saturating_sub(1))
                .unwrap_or("");
            let byte_col = line_text
                .char_indices()
                .nth(span.start_col)
                .map_or(line_text.len(), |(i, _)| i);
            diagnostic.at(Location::from_line_col(
                &template.path,
                &template.text,
                span.start_line,
                byte_col,
            ))
        }
        None => diagnostic,
    }
}

/// Tera checks every template's functions, filters and includes at once and hands back their
/// reports joined in one message; each becomes a diagnostic at its `--> name:line:col`.
pub(super) fn reference_errors(
    templates: &[TemplateFile],
    reports: &str,
) -> Option<Vec<Diagnostic>> {
    let located = |report: &str| {
        let message = report.lines().next()?.trim().strip_prefix("error: ")?;
        let place = report
            .lines()
            .find_map(|line| line.trim().strip_prefix("--> "))?;
        let mut parts = place.rsplitn(3, ':');
        let column: usize = parts.next()?.parse().ok()?;
        let line: usize = parts.next()?.parse().ok()?;
        let name = parts.next()?;
        let template = templates.iter().find(|t| t.name == name)?;
        let line_text = template
            .text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("");
        let byte_col = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        Some(
            Diagnostic::error(message)
                .code("template")
                .at(Location::from_line_col(&template.path, &template.text, line, byte_col))
                .hint("functions are t, t_html, url, page_url, date, asset, include_raw, json, faq_json_ld and howto_json_ld; filters and tests are Tera's"),
        )
    };
    reports
        .split("\n\n")
        .filter(|r| !r.trim().is_empty())
        .map(located)
        .collect()
}

pub(super) fn full_message(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}
