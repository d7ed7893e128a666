//! The shape of every label: a [`Msg`] holds both texts side by side, so a missing
//! translation is a compile error rather than an empty label.
//!
//! Texts are declared by area (one file each under `src/i18n/`) with [`texts!`], which adds
//! associated constants to `Msg` — so a label is always written `Msg::Name` wherever it is
//! declared, and the same name declared in two areas does not compile. Texts with values
//! in them are declared with [`templates!`]: each is a struct with one field per
//! placeholder, and `format!` checks at compile time that every placeholder has a field and
//! every field a placeholder, in both languages.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    ZhCn,
    En,
}

impl Locale {
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Locale> {
        let s = s.to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Locale::ZhCn)
        } else if s.starts_with("en") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// `X-Language` header value for APIs that localise names.
    pub fn api_language(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh_CN",
            Locale::En => "en_US",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg {
    zh: &'static str,
    en: &'static str,
}

impl Msg {
    pub const fn new(zh: &'static str, en: &'static str) -> Msg {
        Msg { zh, en }
    }

    pub fn text(self, locale: Locale) -> &'static str {
        match locale {
            Locale::ZhCn => self.zh,
            Locale::En => self.en,
        }
    }

    /// The text with `{n}` replaced. Unchecked: being replaced by [`templates!`].
    pub fn with_n(self, locale: Locale, n: impl std::fmt::Display) -> String {
        self.text(locale).replace("{n}", &n.to_string())
    }

    /// The text with `{n}` and `{t}` replaced. Unchecked: being replaced by [`templates!`].
    pub fn with_n_t(self, locale: Locale, n: impl std::fmt::Display, t: impl std::fmt::Display) -> String {
        self.with_n(locale, n).replace("{t}", &t.to_string())
    }
}

/// `texts! { AREA; Name => "中文", "English"; … }` adds `Msg::Name` for each line and
/// `AREA`, the area's list of (name, text), which the duplicate check reads.
#[macro_export]
macro_rules! texts {
    ($area:ident; $($key:ident => $zh:literal, $en:literal;)*) => {
        #[allow(non_upper_case_globals)]
        impl $crate::i18n::Msg {
            $(pub const $key: $crate::i18n::Msg = $crate::i18n::Msg::new($zh, $en);)*
        }

        #[allow(dead_code)]
        pub const $area: &[(&str, $crate::i18n::Msg)] = &[$((stringify!($key), $crate::i18n::Msg::new($zh, $en))),*];
    };
}

/// `templates! { Name { a, b } => "… {a} … {b}", "… {a} … {b}"; … }` declares
/// `pub struct Name<'a> { pub a: &'a dyn Display, pub b: &'a dyn Display }` with
/// `text(locale) -> String`. Call sites name each value: `Name { a: &x, b: &y }.text(l)`.
#[macro_export]
macro_rules! templates {
    ($($name:ident { $($arg:ident),+ } => $zh:literal, $en:literal;)*) => {
        $(
            pub struct $name<'a> {
                $(pub $arg: &'a dyn ::std::fmt::Display,)+
            }

            impl $name<'_> {
                pub fn text(&self, locale: $crate::i18n::Locale) -> String {
                    let $name { $($arg),+ } = self;
                    match locale {
                        $crate::i18n::Locale::ZhCn => format!($zh, $($arg = $arg),+),
                        $crate::i18n::Locale::En => format!($en, $($arg = $arg),+),
                    }
                }
            }
        )*
    };
}
