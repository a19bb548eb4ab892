//! Render stage, charts: the numbers of the SVG written as `format!` writes
//! them, without its general float formatting (a tenth of an entity
//! page's cost: most fixed-precision values took its slowest path).
//!
//! [`Fixed2`] is `{:.2}`: the exact value of the float rounded to two
//! decimals, a tie to the even digit. [`Plain`] is `{}`: a whole number
//! is written as an integer. Anything else (negative, huge, not finite, a
//! fraction for [`Plain`]) goes to `format!`'s own code.

use std::fmt;

/// `{:.2}` of a float.
pub(crate) struct Fixed2(pub(crate) f64);

impl fmt::Display for Fixed2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match hundredths(self.0) {
            Some(n) => write!(f, "{}.{:02}", n / 100, n % 100),
            None => write!(f, "{:.2}", self.0),
        }
    }
}

/// `{}` of a float.
pub(crate) struct Plain(pub(crate) f64);

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        // Below 2^53 a whole float is an exact integer; `-0.0` is "-0".
        if x.fract() == 0.0 && x.abs() < 9.0e15 && !(x == 0.0 && x.is_sign_negative()) {
            write!(f, "{}", x as i64)
        } else {
            write!(f, "{x}")
        }
    }
}

/// `x` in hundredths, rounded as `{:.2}` rounds: for `0 <= x < 2^53 / 100`,
/// from its exact binary value (mantissa times a power of two).
fn hundredths(x: f64) -> Option<u64> {
    if !(0.0..9.0e13).contains(&x) {
        return None;
    }
    if x == 0.0 {
        return x.is_sign_positive().then_some(0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // x = mantissa * 2^power exactly.
    let (mantissa, power) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    };
    let scaled = u128::from(mantissa) * 100;
    if power >= 0 {
        return u64::try_from(scaled << power).ok();
    }
    let shift = power.unsigned_abs();
    if shift > 120 {
        // Below 2^-67: far under half a hundredth.
        return Some(0);
    }
    let whole = scaled >> shift;
    let rest = scaled & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    let up = rest > half || (rest == half && whole % 2 == 1);
    u64::try_from(whole + u128::from(up)).ok()
}

#[cfg(test)]
mod tests {
    use super::{Fixed2, Plain};

    #[test]
    fn ties_and_edges_are_written_as_format_writes_them() {
        for x in [
            0.0,
            -0.0,
            0.005,
            0.015,
            0.125,
            0.375,
            2.5,
            1.005,
            99.995,
            100.0,
            12.5,
            33.333,
            1e-300,
            5e-324,
            8.9e13,
            1e20,
            -1.5,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert_eq!(Fixed2(x).to_string(), format!("{x:.2}"), "{x}");
            assert_eq!(Plain(x).to_string(), format!("{x}"), "{x}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_float_is_written_as_format_writes_it(bits: u64, small in 0.0f64..200.0, whole in -1e6f64..1e6) {
            let x = f64::from_bits(bits);
            for x in [x, small, whole.round(), (small * 100.0).round() / 100.0 + 0.005] {
                proptest::prop_assert_eq!(Fixed2(x).to_string(), format!("{x:.2}"));
                proptest::prop_assert_eq!(Plain(x).to_string(), format!("{x}"));
            }
        }
    }
}
