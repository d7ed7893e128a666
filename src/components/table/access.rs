//! How the shared table reaches its rows: where they live (server answer or client rows in
//! an order), the wired source, and the non-generic row access the grid renders through
//! (cells, keys, actions, selection, export).

use super::*;

/// Where the rows in view live.
pub(super) enum Kind<T: Send + Sync + 'static> {
    Server(RwSignal<Option<Answer<T>>>),
    Client { rows: Signal<Arc<Vec<T>>>, order: Memo<Order>, offset: Memo<usize> },
}

impl<T: Send + Sync + 'static> Clone for Kind<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Kind<T> {}

impl<T: Clone + Send + Sync + 'static> Kind<T> {
    /// Row `i` of the view (untracked).
    pub(super) fn row(&self, i: usize) -> Option<T> {
        match *self {
            Kind::Server(d) => d.with_untracked(|d| d.as_ref().and_then(|d| d.rows.get(i).cloned())),
            Kind::Client { rows, order, offset } => {
                let at = order.with_untracked(|o| o.0.get(offset.get_untracked() + i).copied())?;
                rows.with_untracked(|r| r.get(at as usize).cloned())
            }
        }
    }
}

pub(super) type Query<T> = Option<Arc<dyn Fn() -> Loader<T> + Send + Sync>>;

/// A source wired up: where the rows are, their state, and how to reload them.
pub(super) struct Wired<T: Send + Sync + 'static> {
    pub(super) kind: Kind<T>,
    pub(super) loading: Signal<bool>,
    pub(super) error: Signal<Option<ApiError>>,
    pub(super) reload: Option<Callback<()>>,
    pub(super) total: Memo<u64>,
    pub(super) filter_track: Arc<dyn Fn() + Send + Sync>,
    pub(super) server_query: Query<T>,
}

/// The rows of one `DataTable<T>` for the (non-generic) grid.
pub(super) struct Access<T: Send + Sync + 'static> {
    pub(super) id: &'static str,
    pub(super) kind: Kind<T>,
    pub(super) columns: StoredValue<Vec<Column<T>>>,
    pub(super) row_key: fn(&T) -> String,
    pub(super) actions: StoredValue<Vec<RowAction<T>>>,
    pub(super) open_path: Callback<String>,
    pub(super) server_query: StoredValue<Query<T>>,
    pub(super) view: TableView,
    pub(super) unselectable: Option<Unselectable<T>>,
}

/// Why a row cannot be selected (None: it can).
pub type Unselectable<T> = fn(&T) -> Option<Msg>;

impl<T: Clone + Send + Sync + 'static> RowAccess for Access<T> {
    fn cells(&self, i: usize, cols: &[usize], l: Locale, reveal: Reveal) -> Option<(String, Vec<AnyView>)> {
        let row = self.kind.row(i)?;
        let key = (self.row_key)(&row);
        let cells =
            self.columns.with_value(|all| cols.iter().map(|&c| cell_content(&all[c], &row, l, &key, reveal)).collect());
        Some((key, cells))
    }

    fn key(&self, i: usize) -> Option<String> {
        self.kind.row(i).map(|r| (self.row_key)(&r))
    }

    fn blocked(&self, i: usize) -> Option<Msg> {
        let f = self.unselectable?;
        self.kind.row(i).and_then(|r| f(&r))
    }

    fn blocked_count(&self) -> Option<u64> {
        let Some(f) = self.unselectable else { return Some(0) };
        match self.kind {
            Kind::Client { rows, order, .. } => Some(rows.with_untracked(|r| {
                order.with_untracked(|o| o.0.iter().filter(|&&i| f(&r[i as usize]).is_some()).count() as u64)
            })),
            // Only the server knows which rows of other pages are blocked.
            Kind::Server(_) => None,
        }
    }

    fn drop_blocked(&self, keys: Vec<String>) -> Vec<String> {
        let Some(f) = self.unselectable else { return keys };
        let row_key = self.row_key;
        // Rows that became unselectable since they were chosen (a refresh): every client row,
        // or the server page in view, is checked.
        let blocked: HashSet<String> = match self.kind {
            Kind::Client { rows, .. } => {
                rows.with_untracked(|r| r.iter().filter(|r| f(r).is_some()).map(row_key).collect())
            }
            Kind::Server(d) => d.with_untracked(|d| {
                d.as_ref().map(|d| d.rows.iter().filter(|r| f(r).is_some()).map(row_key).collect()).unwrap_or_default()
            }),
        };
        keys.into_iter().filter(|k| !blocked.contains(k)).collect()
    }

    fn href(&self, i: usize, action: usize) -> Option<String> {
        let href = self.actions.with_value(|a| a.get(action).and_then(|a| a.href))?;
        self.kind.row(i).map(|r| href(&r))
    }

    fn offers(&self, i: usize, action: usize) -> bool {
        match self.actions.with_value(|a| a.get(action).and_then(|a| a.when)) {
            Some(when) => self.kind.row(i).is_some_and(|r| when(&r)),
            None => true,
        }
    }

    fn run(&self, i: usize, action: usize) {
        let Some(row) = self.kind.row(i) else { return };
        if !self.offers(i, action) {
            return;
        }
        let (href, run) = self.actions.with_value(|a| a.get(action).map_or((None, None), |a| (a.href, a.run)));
        if let Some(href) = href {
            self.open_path.run(href(&row));
        } else if let Some(run) = run {
            run.run(row);
        }
    }

    fn resolve_all(
        &self,
        except: HashSet<String>,
        progress: RwSignal<Option<(u64, u64)>>,
    ) -> LocalBoxFuture<'static, Result<Option<Vec<String>>, ApiError>> {
        let row_key = self.row_key;
        let unselectable = self.unselectable;
        let ok = move |r: &T| unselectable.is_none_or(|f| f(r).is_none());
        match self.kind {
            Kind::Client { rows, order, .. } => {
                let keys = rows.with_untracked(|r| {
                    order.with_untracked(|o| {
                        o.0.iter()
                            .map(|&i| &r[i as usize])
                            .filter(|r| ok(r))
                            .map(row_key)
                            .filter(|k| !except.contains(k))
                            .collect()
                    })
                });
                Box::pin(async move { Ok(Some(keys)) })
            }
            Kind::Server(_) => {
                let load = self.server_query.with_value(|q| q.as_ref().map(|q| untrack(|| q())));
                let sort = self.view.sort.get_untracked();
                Box::pin(async move {
                    let Some(load) = load else { return Ok(None) };
                    let mut keys: Vec<String> = Vec::new();
                    let alive = || progress.try_with_untracked(Option::is_some).unwrap_or(false);
                    let done = for_each_page(
                        &load,
                        sort,
                        |rows, done, t| {
                            keys.extend(rows.iter().filter(|r| ok(r)).map(row_key).filter(|k| !except.contains(k)));
                            progress.try_set(Some((done, t)));
                        },
                        alive,
                    )
                    .await?;
                    Ok(done.map(|_| keys))
                })
            }
        }
    }

    fn export(&self, export: Export, cols: Vec<usize>, l: Locale, format: Format, sheet: String, full: bool) {
        let file = File { format, name: self.id.to_string(), sheet, full };
        match self.kind {
            Kind::Server(_) => {
                if let Some(load) = self.server_query.with_value(|q| q.as_ref().map(|q| untrack(|| q()))) {
                    export.server(load, self.view.sort.get_untracked(), self.columns, cols, l, file);
                }
            }
            Kind::Client { rows, order, .. } => {
                export.client(rows.get_untracked(), order.get_untracked().0, self.columns, cols, l, file);
            }
        }
    }
}

fn dash() -> AnyView {
    view! { <span class="muted">"—"</span> }.into_any()
}

/// A cell's content: masked (eye, copy), the column's own view, or its text.
fn cell_content<T>(col: &Column<T>, row: &T, l: Locale, key: &str, reveal: Reveal) -> AnyView {
    if let Some(mask) = col.mask {
        let value = col.text_of(row, l);
        if value.is_empty() {
            return dash();
        }
        return view! { <MaskedCell value=value mask=mask copy=col.copy col=col.id row_key=key.to_string() reveal=reveal /> }
            .into_any();
    }
    if let Some(v) = col.view {
        return v(row, l);
    }
    let text = col.text_of(row, l);
    if text.is_empty() {
        return dash();
    }
    if col.copy {
        view! { <span class="copy-cell"><span title=text.clone()>{text.clone()}</span><CopyButton value=text /></span> }
            .into_any()
    } else {
        // The full text on hover when the column is too narrow for it (rows stay one line).
        let title = text.clone();
        view! { <span class="cell-text" title=title>{text}</span> }.into_any()
    }
}
