//! A small map from borrowed strings to indexes: open addressing with FNV-1a hashing.
//!
//! It stands in for `HashMap` because the WebAssembly module has a size budget: std's map (and
//! its SipHash) cost about 6 KB of the module, this one a few hundred bytes. Keys are ids and
//! object keys from the report, so no hash-flooding defence is needed beyond linear time.

pub struct StrMap<'k> {
    /// Power-of-two many slots; at most half are full.
    slots: Vec<Option<(&'k str, usize)>>,
    len: usize,
}

impl<'k> StrMap<'k> {
    /// A map for about `capacity` keys; with 0, nothing is allocated until the first insert.
    pub fn with_capacity(capacity: usize) -> Self {
        let size = match capacity {
            0 => 0,
            _ => (capacity * 2).max(8).next_power_of_two(),
        };
        StrMap {
            slots: vec![None; size],
            len: 0,
        }
    }

    pub fn get(&self, key: &str) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut slot = fnv1a(key) & mask;
        loop {
            match self.slots[slot] {
                Some((k, v)) if k == key => return Some(v),
                Some(_) => slot = (slot + 1) & mask,
                None => return None,
            }
        }
    }

    /// Inserts `key` unless present; returns the value it already had. One hash and one probe
    /// sequence: the key's slot, or the empty one where it goes.
    pub fn insert_first(&mut self, key: &'k str, value: usize) -> Option<usize> {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut slot = fnv1a(key) & mask;
        loop {
            match self.slots[slot] {
                Some((k, v)) if k == key => return Some(v),
                Some(_) => slot = (slot + 1) & mask,
                None => break,
            }
        }
        self.slots[slot] = Some((key, value));
        self.len += 1;
        None
    }

    /// Room for `additional` more keys without growing.
    pub fn reserve(&mut self, additional: usize) {
        let wanted = ((self.len + additional) * 2).max(8).next_power_of_two();
        if wanted > self.slots.len() {
            self.resize(wanted);
        }
    }

    fn place(&mut self, key: &'k str, value: usize) {
        let mask = self.slots.len() - 1;
        let mut slot = fnv1a(key) & mask;
        while self.slots[slot].is_some() {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = Some((key, value));
    }

    fn grow(&mut self) {
        self.resize((self.slots.len() * 2).max(8));
    }

    fn resize(&mut self, size: usize) {
        let old = std::mem::replace(&mut self.slots, vec![None; size]);
        for (key, value) in old.into_iter().flatten() {
            self.place(key, value);
        }
    }
}

fn fnv1a(key: &str) -> usize {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_value_and_grows() {
        let keys: Vec<String> = (0..1000).map(|i| format!("fact_{i}")).collect();
        let mut map = StrMap::with_capacity(0);
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(map.insert_first(key, i), None);
        }
        assert_eq!(map.insert_first("fact_7", 99), Some(7));
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(map.get(key), Some(i));
        }
        assert_eq!(map.get("fact_1000"), None);
        assert_eq!(map.get(""), None);
    }
}
