//! A small deterministic PRNG (SplitMix64): seeding and fault rates must be reproducible
//! for a given seed, and the sandbox needs no cryptographic randomness.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Debug, Clone)]
pub struct Prng(u64);

impl Prng {
    pub fn new(seed: u64) -> Self {
        Prng(seed)
    }

    /// An independent stream derived from this seed (so adding data to one stream does not
    /// shift the values of another).
    pub fn derive(seed: u64, stream: u64) -> Self {
        Prng(mix(seed ^ mix(stream.wrapping_add(0x5851_f42d_4c95_7f2d))))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant at these sizes.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Picks by integer weights: `[(item, weight)]`.
    pub fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut r = self.below(total as u64) as u32;
        for &(item, w) in items {
            if r < w {
                return item;
            }
            r -= w;
        }
        items[items.len() - 1].0
    }

    /// 32 lowercase hex characters, the shape of partner-side ids.
    pub fn hex32(&mut self) -> String {
        format!("{:016x}{:016x}", self.next_u64(), self.next_u64())
    }
}

/// The SplitMix64 output function.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A process-unique, unpredictable-enough id (request ids, tokens): wall clock and a
/// counter, mixed. Not deterministic on purpose, unlike the seeded data.
pub fn unique_u64() -> u64 {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let t = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
    mix(t ^ mix(n.wrapping_add(0x2545_f491_4f6c_dd1d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_spread() {
        let a: Vec<u64> = (0..5)
            .map({
                let mut p = Prng::new(42);
                move |_| p.next_u64()
            })
            .collect();
        let mut p = Prng::new(42);
        assert_eq!(a, (0..5).map(|_| p.next_u64()).collect::<Vec<_>>());
        let mut p = Prng::new(7);
        assert!((0..1000).all(|_| p.unit() < 1.0));
        assert!((0..1000).map(|_| p.below(10)).all(|v| v < 10));
        assert_eq!(p.hex32().len(), 32);
        assert_ne!(unique_u64(), unique_u64());
    }
}
