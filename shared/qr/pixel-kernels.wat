;; The decode pipeline's two widest pixel loops, in WebAssembly SIMD (16 bytes at a time).
;; In JavaScript they were most of the half-size search's own time at 4K: about 13 ms for the
;; half-size grey copy and 8–12 ms for counting steps, both bound by arithmetic, not memory.
;; Each gives exactly the bytes of its plain reference in test/unit/shared/qr/pixel-kernels.test.ts.
;;
;; Source of shared/qr/pixel-kernels.wasm.ts: after editing, run `npm run build:kernels`
;; (a unit test fails while the two differ).
(module
  (memory (export "memory") 1)

  ;; Brightness of the mean of four RGBA pixels (the sums of their red, green and blue), with
  ;; ZXing's weights: (306 R + 601 G + 117 B) / 4096, rounded.
  (func $luma (param $red i32) (param $green i32) (param $blue i32) (result i32)
    (i32.shr_u
      (i32.add
        (i32.add (i32.mul (local.get $red) (i32.const 306)) (i32.mul (local.get $green) (i32.const 601)))
        (i32.add (i32.mul (local.get $blue) (i32.const 117)) (i32.const 2048)))
      (i32.const 12)))

  ;; One output pixel of $halve from the 2×2 block whose top-left pixel is at byte $top.
  (func $blockLuma (param $top i32) (param $rowBytes i32) (result i32)
    (local $below i32)
    (local.set $below (i32.add (local.get $top) (local.get $rowBytes)))
    (call $luma
      (i32.add
        (i32.add (i32.load8_u offset=0 (local.get $top)) (i32.load8_u offset=4 (local.get $top)))
        (i32.add (i32.load8_u offset=0 (local.get $below)) (i32.load8_u offset=4 (local.get $below))))
      (i32.add
        (i32.add (i32.load8_u offset=1 (local.get $top)) (i32.load8_u offset=5 (local.get $top)))
        (i32.add (i32.load8_u offset=1 (local.get $below)) (i32.load8_u offset=5 (local.get $below))))
      (i32.add
        (i32.add (i32.load8_u offset=2 (local.get $top)) (i32.load8_u offset=6 (local.get $top)))
        (i32.add (i32.load8_u offset=2 (local.get $below)) (i32.load8_u offset=6 (local.get $below))))))

  ;; Per colour, the sums of the 2×2 blocks of two output pixels: four top-row pixels at $top and
  ;; the four below them as [R G B A R' G' B' A'] (16-bit lanes), weighted by the dot product
  ;; into [306 R + 601 G, 117 B, 306 R' + 601 G', 117 B'].
  (func $twoBlocks (param $top v128) (param $below v128) (result v128)
    (i32x4.dot_i16x8_s
      (i16x8.add
        ;; Bytes reordered as R0 R1 G0 G1 B0 B1 A0 A1 ..., so neighbouring pixels' channels add up.
        (i16x8.extadd_pairwise_i8x16_u (i8x16.shuffle 0 4 1 5 2 6 3 7 8 12 9 13 10 14 11 15 (local.get $top) (local.get $top)))
        (i16x8.extadd_pairwise_i8x16_u (i8x16.shuffle 0 4 1 5 2 6 3 7 8 12 9 13 10 14 11 15 (local.get $below) (local.get $below))))
      (v128.const i16x8 306 601 117 0 306 601 117 0)))

  ;; Four output pixels from the 2×2 blocks under 8 top-row pixels at $top.
  (func $fourBlocks (param $top i32) (param $rowBytes i32) (result v128)
    (local $first v128) (local $second v128)
    (local.set $first (call $twoBlocks (v128.load offset=0 (local.get $top)) (v128.load offset=0 (i32.add (local.get $top) (local.get $rowBytes)))))
    (local.set $second (call $twoBlocks (v128.load offset=16 (local.get $top)) (v128.load offset=16 (i32.add (local.get $top) (local.get $rowBytes)))))
    (i32x4.shr_u
      (i32x4.add
        (i32x4.add
          (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $first) (local.get $second))
          (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $first) (local.get $second)))
        (v128.const i32x4 2048 2048 2048 2048))
      (i32.const 12)))

  ;; Half-size grey copy: RGBA at $src, $stride pixels a row, into $width × $height bytes at $dst,
  ;; each the brightness of a 2×2 block's mean colour (an odd last row or column is dropped).
  (func (export "halve") (param $src i32) (param $stride i32) (param $width i32) (param $height i32) (param $dst i32)
    (local $y i32) (local $x i32) (local $top i32) (local $out i32) (local $rowBytes i32) (local $quad v128)
    (local.set $rowBytes (i32.shl (local.get $stride) (i32.const 2)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $y) (local.get $height)))
        (local.set $top (i32.add (local.get $src) (i32.mul (i32.shl (local.get $y) (i32.const 1)) (local.get $rowBytes))))
        (local.set $out (i32.add (local.get $dst) (i32.mul (local.get $y) (local.get $width))))
        (local.set $x (i32.const 0))
        ;; Eight output pixels (sixteen pixels of each source row) at a time...
        (block $wideDone
          (loop $wide
            (br_if $wideDone (i32.gt_u (i32.add (local.get $x) (i32.const 8)) (local.get $width)))
            (local.set $quad
              (i16x8.narrow_i32x4_u
                (call $fourBlocks (local.get $top) (local.get $rowBytes))
                (call $fourBlocks (i32.add (local.get $top) (i32.const 32)) (local.get $rowBytes))))
            (v128.store64_lane 0 (local.get $out) (i8x16.narrow_i16x8_u (local.get $quad) (local.get $quad)))
            (local.set $top (i32.add (local.get $top) (i32.const 64)))
            (local.set $out (i32.add (local.get $out) (i32.const 8)))
            (local.set $x (i32.add (local.get $x) (i32.const 8)))
            (br $wide)))
        ;; ...then the rest of the row one at a time.
        (block $narrowDone
          (loop $narrow
            (br_if $narrowDone (i32.ge_u (local.get $x) (local.get $width)))
            (i32.store8 (local.get $out) (call $blockLuma (local.get $top) (local.get $rowBytes)))
            (local.set $top (i32.add (local.get $top) (i32.const 8)))
            (local.set $out (i32.add (local.get $out) (i32.const 1)))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (br $narrow)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows))))

  ;; 1 for each of the 16 grey pixels at $at that steps by more than $step levels to its right
  ;; or lower neighbour ($width bytes on), else 0.
  (func $steps16 (param $at i32) (param $width i32) (param $step v128) (result v128)
    (local $here v128) (local $right v128) (local $down v128)
    (local.set $here (v128.load (local.get $at)))
    (local.set $right (v128.load offset=1 (local.get $at)))
    (local.set $down (v128.load (i32.add (local.get $at) (local.get $width))))
    (v128.and
      (v128.or
        (i8x16.gt_u (i8x16.sub (i8x16.max_u (local.get $here) (local.get $right)) (i8x16.min_u (local.get $here) (local.get $right))) (local.get $step))
        (i8x16.gt_u (i8x16.sub (i8x16.max_u (local.get $here) (local.get $down)) (i8x16.min_u (local.get $here) (local.get $down))) (local.get $step)))
      (v128.const i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1)))

  ;; 1 if the grey pixel at $at steps by more than $step to its right or lower neighbour, else 0.
  (func $step1 (param $at i32) (param $width i32) (param $step i32) (result i32)
    (local $here i32) (local $right i32) (local $down i32)
    (local.set $here (i32.load8_u (local.get $at)))
    (local.set $right (i32.load8_u offset=1 (local.get $at)))
    (local.set $down (i32.load8_u (i32.add (local.get $at) (local.get $width))))
    (i32.or
      (i32.gt_u (select (i32.sub (local.get $here) (local.get $right)) (i32.sub (local.get $right) (local.get $here)) (i32.ge_u (local.get $here) (local.get $right))) (local.get $step))
      (i32.gt_u (select (i32.sub (local.get $here) (local.get $down)) (i32.sub (local.get $down) (local.get $here)) (i32.ge_u (local.get $here) (local.get $down))) (local.get $step))))

  ;; For each 4×4 cell of the $width-wide grey image at $src ($cols × $rows cells), how many
  ;; pixels of its first and third rows step by more than $step levels to their right or lower
  ;; neighbour (0–8), into $cols × $rows bytes at $dst.
  (func (export "countSteps") (param $src i32) (param $width i32) (param $step i32) (param $cols i32) (param $rows i32) (param $dst i32)
    (local $cy i32) (local $cx i32) (local $at i32) (local $out i32) (local $k i32) (local $count i32) (local $twoRows i32) (local $steps v128)
    (local.set $steps (i8x16.splat (local.get $step)))
    (local.set $twoRows (i32.shl (local.get $width) (i32.const 1)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $cy) (local.get $rows)))
        (local.set $at (i32.add (local.get $src) (i32.mul (i32.shl (local.get $cy) (i32.const 2)) (local.get $width))))
        (local.set $out (i32.add (local.get $dst) (i32.mul (local.get $cy) (local.get $cols))))
        (local.set $cx (i32.const 0))
        ;; Four cells (16 pixels of each of the two rows) at a time...
        (block $wideDone
          (loop $wide
            (br_if $wideDone (i32.gt_u (i32.add (local.get $cx) (i32.const 4)) (local.get $cols)))
            (v128.store32_lane 0 (local.get $out)
              ;; Both rows' steps added, then per 4 neighbouring pixels: one count per cell.
              (i8x16.narrow_i16x8_u
                (i16x8.narrow_i32x4_u
                  (i32x4.extadd_pairwise_i16x8_u
                    (i16x8.extadd_pairwise_i8x16_u
                      (i8x16.add
                        (call $steps16 (local.get $at) (local.get $width) (local.get $steps))
                        (call $steps16 (i32.add (local.get $at) (local.get $twoRows)) (local.get $width) (local.get $steps)))))
                  (v128.const i32x4 0 0 0 0))
                (v128.const i16x8 0 0 0 0 0 0 0 0)))
            (local.set $at (i32.add (local.get $at) (i32.const 16)))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))
            (local.set $cx (i32.add (local.get $cx) (i32.const 4)))
            (br $wide)))
        ;; ...then the rest of the row's cells one at a time.
        (block $narrowDone
          (loop $narrow
            (br_if $narrowDone (i32.ge_u (local.get $cx) (local.get $cols)))
            (local.set $count (i32.const 0))
            (local.set $k (i32.const 0))
            (block $cellDone
              (loop $cell
                (br_if $cellDone (i32.ge_u (local.get $k) (i32.const 4)))
                (local.set $count
                  (i32.add (local.get $count)
                    (i32.add
                      (call $step1 (i32.add (local.get $at) (local.get $k)) (local.get $width) (local.get $step))
                      (call $step1 (i32.add (i32.add (local.get $at) (local.get $twoRows)) (local.get $k)) (local.get $width) (local.get $step)))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $cell)))
            (i32.store8 (local.get $out) (local.get $count))
            (local.set $at (i32.add (local.get $at) (i32.const 4)))
            (local.set $out (i32.add (local.get $out) (i32.const 1)))
            (local.set $cx (i32.add (local.get $cx) (i32.const 1)))
            (br $narrow)))
        (local.set $cy (i32.add (local.get $cy) (i32.const 1)))
        (br $rows))))
)
