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
    /// Saved choice first, then the deployment's default, then the browser's language.
    pub fn init(default_locale: Option<&str>) -> Self {
        let saved = crate::storage::local_get(LOCALE_KEY).and_then(|s| Locale::parse(&s));
        let browser = web_sys::window().and_then(|w| w.navigator().language()).and_then(|l| Locale::parse(&l));
        let locale = saved.or_else(|| default_locale.and_then(Locale::parse)).or(browser).unwrap_or(Locale::ZhCn);
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

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A reactive label: `{tr(Msg::Search)}` in a view.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let locale = use_i18n().locale;
    move || msg.text(locale.get())
}
