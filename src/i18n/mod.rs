//! zh-CN and en: the catalog of texts (leptos-free, see catalog.rs) and the reactive locale.

mod catalog;
mod codes;

pub use catalog::*;
pub use codes::{code_label, codes_of, CodeKind};

use leptos::prelude::*;

const LOCALE_KEY: &str = "pc.locale";

/// The current locale, provided once at the root.
#[derive(Clone, Copy)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

impl I18n {
    /// The person's stored choice first, then the browser's languages, then the deployment's
    /// default (`Locale::initial`).
    pub fn init(default_locale: Option<&str>) -> Self {
        let saved = crate::storage::local_get(LOCALE_KEY);
        let locale = Locale::initial(saved.as_deref(), &browser_languages(), default_locale);
        let i18n = I18n { locale: RwSignal::new(locale) };
        Effect::new(move |_| {
            let l = i18n.locale.get();
            if let Some(el) = document().document_element() {
                let _ = el.set_attribute("lang", l.tag());
            }
        });
        i18n
    }

    pub fn set(&self, locale: Locale) {
        crate::storage::local_set(LOCALE_KEY, locale.tag());
        self.locale.set(locale);
    }

    pub fn get(&self) -> Locale {
        self.locale.get()
    }
}

/// `navigator.languages` in the browser's order (`navigator.language` when the list is empty).
fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let mut list: Vec<String> = nav.languages().iter().filter_map(|l| l.as_string()).collect();
    if list.is_empty() {
        list.extend(nav.language());
    }
    list
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A reactive label: `{tr(Msg::Search)}` in a view.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let locale = use_i18n().locale;
    move || msg.text(locale.get())
}
