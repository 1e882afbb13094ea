//! The files a build starts from and ends with, as plain data: the shell reads the site into
//! [`Sources`] and writes the [`OutputFile`]s; nothing in the core touches a file.

use std::path::PathBuf;

use crate::content::ContentFile;
use crate::i18n::LocaleFile;

pub const CONFIG_FILE: &str = "site.toml";

#[derive(Debug, Clone)]
pub struct TemplateFile {
    /// The name templates use to refer to it: its path under `templates/`.
    pub name: String,
    pub path: PathBuf,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Its path under `static/`, with `/` separators: where it goes in the output.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Every input of a site, with paths relative to the site root.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub config: String,
    pub content: Vec<ContentFile>,
    pub locales: Vec<LocaleFile>,
    pub templates: Vec<TemplateFile>,
    pub statics: Vec<StaticFile>,
}

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path below the output folder, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}
