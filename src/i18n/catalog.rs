//! Every text of the app, by area. Leptos-free, so xtask's native tests read it as it is
//! (`#[path]`) and check it (no text declared twice). The `#[path]`s keep the files
//! beside this one however this module is loaded.

#[path = "text.rs"]
mod text;

#[path = "messages.rs"]
mod messages;

#[path = "programmes.rs"]
mod programmes;

pub use messages::*;
pub use programmes::*;
pub use text::{Locale, Msg};

/// Each area's (name, text) list, for the catalog checks.
#[allow(dead_code)]
pub const AREAS: &[&[(&str, Msg)]] = &[messages::MESSAGES, programmes::PROGRAMME_TEXTS];
