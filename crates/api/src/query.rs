//! Query strings as the official clients write them (PARTNER_API.md §1.12): list parameters
//! are repeated keys (`operation_types=1&operation_types=2`), a space is `%20` (never `+`),
//! `0` and `""` are sent while absent values are omitted. The same module reads them back,
//! for the sandbox and for round-trip tests.

use crate::validate::Violation;

/// Percent-encodes a query key or value: unreserved characters stay, everything else
/// (space included) becomes `%XX` of its UTF-8 bytes.
pub fn encode_component(s: &str) -> String {
    crate::opportunities::encode_path_segment(s)
}

/// Decodes one `%XX`-encoded component; `+` is read as a space (browsers' form encoding)
/// since a literal plus always travels as `%2B`.
pub fn decode_component(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Splits a raw query string into decoded `(key, value)` pairs, in order.
pub fn parse_pairs(raw: Option<&str>) -> Result<Vec<(String, String)>, Violation> {
    let mut out = Vec::new();
    for part in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let key = decode_component(k).ok_or_else(|| Violation::new(k, "is not a valid percent-encoded name"))?;
        let value = decode_component(v).ok_or_else(|| Violation::new(&key, "is not validly percent-encoded"))?;
        out.push((key, value));
    }
    Ok(out)
}

/// Builds a query string in order of calls.
#[derive(Debug, Default)]
pub struct QueryBuilder(String);

impl QueryBuilder {
    pub fn push(&mut self, key: &str, value: &str) {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.0.push_str(&encode_component(key));
        self.0.push('=');
        self.0.push_str(&encode_component(value));
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// Builds a query string in the SDK's parameter order; absent values are skipped, `0`
/// and `""` are written (used by the order models).
#[derive(Debug, Default, Clone)]
pub struct QueryString(String);

/// A value [`QueryString::opt`] can write.
pub trait QueryValue {
    fn query_text(&self) -> String;
}

impl QueryValue for &String {
    fn query_text(&self) -> String {
        (*self).clone()
    }
}

impl QueryValue for &str {
    fn query_text(&self) -> String {
        (*self).to_string()
    }
}

impl QueryValue for String {
    fn query_text(&self) -> String {
        self.clone()
    }
}

macro_rules! int_query_value {
    ($($t:ty),*) => { $(impl QueryValue for $t { fn query_text(&self) -> String { self.to_string() } })* };
}
int_query_value!(i32, i64, u32, u64, usize);

impl QueryString {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `key=value` when the value is present.
    pub fn opt<V: QueryValue>(&mut self, key: &str, value: Option<V>) -> &mut Self {
        if let Some(v) = value {
            self.push(key, &v.query_text());
        }
        self
    }

    /// Appends `key=value` once per list item (repeated keys).
    pub fn list<V: QueryValue + Clone>(&mut self, key: &str, values: &[V]) -> &mut Self {
        for v in values {
            self.push(key, &v.clone().query_text());
        }
        self
    }

    pub fn push(&mut self, key: &str, value: &str) -> &mut Self {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.0.push_str(&encode_component(key));
        self.0.push('=');
        self.0.push_str(&encode_component(value));
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `path` or `path?query`.
    pub fn with_path(&self, path: &str) -> String {
        if self.0.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{}", self.0)
        }
    }
}

impl std::fmt::Display for QueryString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A received query string, decoded; values that were not validly percent-encoded are
/// reported when asked for.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct QueryParams(Vec<(String, Option<String>)>);

impl QueryParams {
    pub fn parse(raw: Option<&str>) -> Self {
        let pairs = raw
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|part| {
                let (k, v) = part.split_once('=').unwrap_or((part, ""));
                (decode_component(k).unwrap_or_else(|| k.to_string()), decode_component(v))
            })
            .collect();
        QueryParams(pairs)
    }

    /// Every value of a (possibly repeated) key, in order.
    pub fn all(&self, key: &str) -> Result<Vec<String>, Violation> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone().ok_or_else(|| Violation::new(key, "is not validly percent-encoded")))
            .collect()
    }

    /// A single text value; empty means not given, twice is a violation.
    pub fn text(&self, key: &str) -> Result<Option<String>, Violation> {
        let mut values = self.all(key)?;
        if values.len() > 1 {
            return Err(Violation::new(key, "must be given at most once"));
        }
        Ok(values.pop().filter(|v| !v.is_empty()))
    }

    /// A single integer value; empty means not given.
    pub fn int<T: std::str::FromStr>(&self, key: &str) -> Result<Option<T>, Violation> {
        match self.text(key)? {
            None => Ok(None),
            Some(v) => v.trim().parse().map(Some).map_err(|_| Violation::new(key, "must be an integer")),
        }
    }
}

/// A field of a query-parameter struct: how it is written and read back.
pub trait QueryField {
    fn encode(&self, key: &str, q: &mut QueryBuilder);
    fn decode(&mut self, key: &str, value: &str) -> Result<(), Violation>;
}

impl QueryField for Option<String> {
    fn encode(&self, key: &str, q: &mut QueryBuilder) {
        if let Some(v) = self {
            q.push(key, v);
        }
    }
    fn decode(&mut self, key: &str, value: &str) -> Result<(), Violation> {
        if self.is_some() {
            return Err(Violation::new(key, "must be given at most once"));
        }
        *self = Some(value.to_string());
        Ok(())
    }
}

impl QueryField for Option<i64> {
    fn encode(&self, key: &str, q: &mut QueryBuilder) {
        if let Some(v) = self {
            q.push(key, &v.to_string());
        }
    }
    fn decode(&mut self, key: &str, value: &str) -> Result<(), Violation> {
        if self.is_some() {
            return Err(Violation::new(key, "must be given at most once"));
        }
        *self = Some(value.trim().parse().map_err(|_| Violation::new(key, "must be an integer"))?);
        Ok(())
    }
}

impl QueryField for Vec<String> {
    fn encode(&self, key: &str, q: &mut QueryBuilder) {
        for v in self {
            q.push(key, v);
        }
    }
    fn decode(&mut self, key: &str, value: &str) -> Result<(), Violation> {
        let _ = key;
        self.push(value.to_string());
        Ok(())
    }
}

/// Declares a query-parameter struct (fields `Option<String>`, `Option<i64>` or
/// `Vec<String>`) with `to_query_string()` and `from_query()`; unknown keys are ignored
/// when reading, as servers do.
#[macro_export]
macro_rules! query_params {
    ($(#[$m:meta])* pub struct $name:ident { $($(#[$fm:meta])* pub $field:ident : $ty:ty,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct $name { $($(#[$fm])* pub $field: $ty,)* }

        impl $name {
            /// The query string (without `?`); empty when nothing is set.
            pub fn to_query_string(&self) -> String {
                let mut q = $crate::query::QueryBuilder::default();
                $( $crate::query::QueryField::encode(&self.$field, stringify!($field), &mut q); )*
                q.finish()
            }

            /// `path` or `path?query`.
            pub fn url(&self, path: &str) -> String {
                let q = self.to_query_string();
                if q.is_empty() { path.to_string() } else { format!("{path}?{q}") }
            }

            /// Reads a raw query string (as in `Uri::query()`).
            pub fn from_query(raw: Option<&str>) -> Result<Self, $crate::validate::Violation> {
                let mut out = Self::default();
                for (k, v) in $crate::query::parse_pairs(raw)? {
                    match k.as_str() {
                        $( stringify!($field) => $crate::query::QueryField::decode(&mut out.$field, &k, &v)?, )*
                        _ => {}
                    }
                }
                Ok(out)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::query_params! {
        /// A sample.
        pub struct Sample {
            pub name: Option<String>,
            pub kinds: Vec<String>,
            pub offset: Option<i64>,
            pub limit: Option<i64>,
        }
    }

    #[test]
    fn encodes_like_the_official_clients() {
        let s =
            Sample { name: Some("a b/c+d".into()), kinds: vec!["1".into(), "2".into()], offset: Some(0), limit: None };
        assert_eq!(s.to_query_string(), "name=a%20b%2Fc%2Bd&kinds=1&kinds=2&offset=0");
        assert_eq!(Sample::from_query(Some(&s.to_query_string())).unwrap(), s);
        assert_eq!(Sample::default().url("/x"), "/x");
        let empty = Sample { name: Some(String::new()), ..Default::default() };
        assert_eq!(empty.url("/x"), "/x?name=");
    }

    #[test]
    fn reads_back_and_names_bad_values() {
        let s = Sample::from_query(Some("name=%E5%BC%A0+san&limit=5&unknown=1")).unwrap();
        assert_eq!((s.name.as_deref(), s.limit), (Some("张 san"), Some(5)));
        assert_eq!(Sample::from_query(Some("limit=ten")).unwrap_err().parameter, "limit");
        assert_eq!(Sample::from_query(Some("name=%zz")).unwrap_err().parameter, "name");
        assert_eq!(Sample::from_query(Some("name=a&name=b")).unwrap_err().parameter, "name");
        assert_eq!(Sample::from_query(None).unwrap(), Sample::default());
    }

    #[test]
    fn query_string_and_params() {
        let mut q = QueryString::new();
        let id = String::from("a b");
        q.opt("id", Some(&id)).opt("status", Some(0)).opt::<i64>("limit", None).list("t", &["1", "2"]);
        assert_eq!(q.to_string(), "id=a%20b&status=0&t=1&t=2");
        assert_eq!(q.with_path("/p"), "/p?id=a%20b&status=0&t=1&t=2");
        let p = QueryParams::parse(Some(&q.to_string()));
        assert_eq!(p.text("id").unwrap().as_deref(), Some("a b"));
        assert_eq!(p.int::<i32>("status").unwrap(), Some(0));
        assert_eq!(p.all("t").unwrap(), vec!["1", "2"]);
        assert_eq!(p.text("t").unwrap_err().parameter, "t");
        assert_eq!(QueryParams::parse(Some("x=%zz")).text("x").unwrap_err().parameter, "x");
        assert_eq!(QueryParams::parse(Some("x=")).text("x").unwrap(), None);
    }
}
