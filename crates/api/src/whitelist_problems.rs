//! One table of an import's refused rows, by row number: the rows the browser refused (all in
//! memory) merged with the rows the server refused (a paged listing, `whitelist::ErrorPage`).
//! A page of the merged list needs only a window of the server's list, fetched page by page,
//! never the whole of it. The two sets never share a row (refused rows are not sent).

/// The server's rows a merged page at `offset` can contain: `[start, end)` of its listing.
/// At most `local_len` of them come before the page, so it starts that far back.
pub fn server_window(local_len: usize, offset: u64, limit: u32) -> (u64, u64) {
    (offset.saturating_sub(local_len as u64), offset + limit as u64)
}

/// Rows `[offset, offset + limit)` of `local` and the server's list merged by row number.
/// `local` is sorted by row; `window` is the server's rows from index `window_start` (as
/// [`server_window`] gives, or shorter at the end of the list), sorted by row.
pub fn merge_page<T: Clone>(
    local: &[T],
    window_start: u64,
    window: &[T],
    row: impl Fn(&T) -> u32,
    offset: u64,
    limit: u32,
) -> Vec<T> {
    let end = offset + limit as u64;
    let mut placed: Vec<(u64, &T)> = Vec::new();
    for (i, l) in local.iter().enumerate() {
        // Server rows before it: all of the window's smaller ones, plus the `window_start`
        // rows before the window if the window begins before it (else it lies before the page).
        let r = row(l);
        if window_start > 0 && window.first().is_none_or(|w| row(w) > r) {
            continue;
        }
        let k = window_start + window.iter().take_while(|w| row(w) < r).count() as u64;
        placed.push((i as u64 + k, l));
    }
    for (j, w) in window.iter().enumerate() {
        let before = local.partition_point(|l| row(l) < row(w)) as u64;
        placed.push((window_start + j as u64 + before, w));
    }
    placed.retain(|(pos, _)| (offset..end).contains(pos));
    placed.sort_by_key(|(pos, _)| *pos);
    placed.into_iter().map(|(_, t)| t.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_match_the_fully_merged_list() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
        };
        for _ in 0..2_000 {
            // Rows 2.. split at random between the browser and the server (or neither).
            let (mut local, mut server) = (Vec::new(), Vec::new());
            for row in 2..2 + next(60) as u32 {
                match next(3) {
                    0 => local.push(row),
                    1 => server.push(row),
                    _ => {}
                }
            }
            let all: Vec<u32> = {
                let mut a = [local.clone(), server.clone()].concat();
                a.sort();
                a
            };
            let limit = 1 + next(12) as u32;
            let offset = next(all.len() as u64 + 3);
            let (start, end) = server_window(local.len(), offset, limit);
            let window: Vec<u32> = server.iter().skip(start as usize).take((end - start) as usize).copied().collect();
            let got = merge_page(&local, start, &window, |r| *r, offset, limit);
            let want: Vec<u32> = all.iter().skip(offset as usize).take(limit as usize).copied().collect();
            assert_eq!(got, want, "local {local:?} server {server:?} offset {offset} limit {limit}");
        }
    }

    #[test]
    fn the_window_is_the_page_when_the_browser_refused_nothing() {
        assert_eq!(server_window(0, 300, 100), (300, 400));
        assert_eq!(server_window(201, 100, 10), (0, 110));
        assert_eq!(server_window(201, 1_000, 10), (799, 1_010));
    }
}
