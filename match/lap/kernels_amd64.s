//go:build amd64 && !purego

#include "textflag.h"

// HMAXQ leaves in AX the largest of Y0's four signed 64-bit lanes, and
// clears the upper halves of the vector registers (X3, X4 and BX are
// scratch).
#define HMAXQ \
	VEXTRACTF128 $1, Y0, X3     \
	VPCMPGTQ     X0, X3, X4     \
	VBLENDVPD    X4, X3, X0, X0 \
	VZEROUPPER                  \
	MOVQ         X0, AX         \
	VPEXTRQ      $1, X0, BX     \
	CMPQ         BX, AX         \
	CMOVQGT      BX, AX

// RELAXED computes, for the four columns from AX, the reduced values
// Y2 = h = (base + w) - z (base in Y0, row in SI, z in DX), loads Y4 = d
// (d in DI) and sets Y5 to the mask h > d.
#define RELAXED \
	VMOVUPD (SI)(AX*8), Y2     \
	VADDPD  Y2, Y0, Y2         \
	VMOVUPD (DX)(AX*8), Y3     \
	VSUBPD  Y3, Y2, Y2         \
	VMOVUPD (DI)(AX*8), Y4     \
	VCMPPD  $0x1E, Y4, Y2, Y5

// RELAX stores, where Y5 is set, d = h and pred = i (i in Y1, pred in
// R8); it leaves in Y4 the four new values of d.
#define RELAX \
	VBLENDVPD Y5, Y2, Y4, Y4   \
	VMOVUPD   Y4, (DI)(AX*8)   \
	VMOVDQU   (R8)(AX*8), Y6   \
	VBLENDVPD Y5, Y1, Y6, Y6   \
	VMOVDQU   Y6, (R8)(AX*8)

// The kernels of the shortest-path search's relaxations (see kernels_amd64.go),
// four columns at a time with AVX2. Each computes a column's reduced value
// as (base + w) - z, the two roundings of the scalar code, with no fused
// multiply-add, so its results are bit for bit those of the scalar code.
// Comparisons are ordered and quiet (the solver never holds a NaN).

// func relaxMaxAVX2(row, z, d *float64, pred *int, n int, base float64, i int) float64
TEXT ·relaxMaxAVX2(SB), NOSPLIT, $0-64
	MOVQ row+0(FP), SI
	MOVQ z+8(FP), DX
	MOVQ d+16(FP), DI
	MOVQ pred+24(FP), R8
	MOVQ n+32(FP), CX
	VBROADCASTSD base+40(FP), Y0
	VPBROADCASTQ i+48(FP), Y1
	MOVQ $0xFFF0000000000000, AX
	MOVQ AX, X7
	VPBROADCASTQ X7, Y7              // the running maximum, -Inf
	XORQ AX, AX

maxloop:
	CMPQ AX, CX
	JGE  maxdone
	RELAXED
	RELAX
	VMAXPD       Y4, Y7, Y7
	ADDQ         $4, AX
	JMP          maxloop

maxdone:
	VEXTRACTF128 $1, Y7, X6
	VMAXPD       X6, X7, X7
	VPERMILPD    $1, X7, X6
	VMAXPD       X6, X7, X7
	VZEROUPPER
	MOVSD        X7, ret+56(FP)
	RET

// func relaxLevelAVX2(row, z, d *float64, pred *int, n, j int, base, level float64, i int) int
TEXT ·relaxLevelAVX2(SB), NOSPLIT, $0-80
	MOVQ row+0(FP), SI
	MOVQ z+8(FP), DX
	MOVQ d+16(FP), DI
	MOVQ pred+24(FP), R8
	MOVQ n+32(FP), CX
	MOVQ j+40(FP), AX
	VBROADCASTSD base+48(FP), Y0
	VBROADCASTSD level+56(FP), Y8
	VPBROADCASTQ i+64(FP), Y1

levelloop:
	CMPQ AX, CX
	JGE  leveldone
	RELAXED
	VCMPPD       $0x1D, Y8, Y2, Y6   // h >= level
	VANDPD       Y5, Y6, Y6
	VMOVMSKPD    Y6, BX
	TESTQ        BX, BX
	JNZ          leveldone           // a column reaches the level: the caller takes this block
	RELAX
	ADDQ         $4, AX
	JMP          levelloop

leveldone:
	VZEROUPPER
	MOVQ AX, ret+72(FP)
	RET

// func collectAVX2(d *float64, n int, v float64, batch *int) int
TEXT ·collectAVX2(SB), NOSPLIT, $0-40
	MOVQ d+0(FP), DI
	MOVQ n+8(FP), CX
	VBROADCASTSD v+16(FP), Y0
	MOVQ batch+24(FP), R10
	XORQ R11, R11                    // entries written
	XORQ AX, AX

collectloop:
	CMPQ AX, CX
	JGE  collectdone
	VMOVUPD      (DI)(AX*8), Y2
	VCMPPD       $0x00, Y0, Y2, Y3   // d == v
	VMOVMSKPD    Y3, BX

collectbits:
	TESTQ BX, BX
	JZ    collectnext
	BSFQ  BX, R9
	ADDQ  AX, R9
	MOVQ  R9, (R10)(R11*8)
	INCQ  R11
	LEAQ  -1(BX), R9
	ANDQ  R9, BX                     // clear the lowest bit
	JMP   collectbits

collectnext:
	ADDQ $4, AX
	JMP  collectloop

collectdone:
	VZEROUPPER
	MOVQ R11, ret+32(FP)
	RET

// func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL eaxArg+0(FP), AX
	MOVL ecxArg+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func xgetbv() (eax, edx uint32)
TEXT ·xgetbv(SB), NOSPLIT, $0-8
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	MOVL DX, edx+4(FP)
	RET

// func atLeastAVX2(row, z *float64, n, j int, u float64) int
// returns the first multiple of 4 from j (a multiple of 4) below n where
// one of the four values row - z is >= u, or n.
TEXT ·atLeastAVX2(SB), NOSPLIT, $0-48
	MOVQ row+0(FP), SI
	MOVQ z+8(FP), DX
	MOVQ n+16(FP), CX
	MOVQ j+24(FP), AX
	VBROADCASTSD u+32(FP), Y0

atleastloop:
	CMPQ AX, CX
	JGE  atleastdone
	VMOVUPD   (SI)(AX*8), Y2
	VSUBPD    (DX)(AX*8), Y2, Y2    // h = row - z
	VCMPPD    $0x1D, Y0, Y2, Y3     // h >= u
	VMOVMSKPD Y3, BX
	TESTQ     BX, BX
	JNZ       atleastdone
	ADDQ      $4, AX
	JMP       atleastloop

atleastdone:
	VZEROUPPER
	MOVQ AX, ret+40(FP)
	RET

// The kernels of the load scan (see assign_load.go): a magnitude's bits
// are those of the value with the sign bit cleared, compared as signed
// 64-bit integers (they are all non-negative), which orders them as the
// magnitudes, with the infinities and NaNs above every finite value.

// func absMaxAVX2(x *float64, n int) uint64
TEXT ·absMaxAVX2(SB), NOSPLIT, $0-24
	MOVQ x+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ $0x7FFFFFFFFFFFFFFF, AX
	MOVQ AX, X1
	VPBROADCASTQ X1, Y1
	VPXOR Y0, Y0, Y0
	XORQ AX, AX

absloop:
	CMPQ AX, CX
	JGE  absdone
	VPAND     (SI)(AX*8), Y1, Y2
	VPCMPGTQ  Y0, Y2, Y3
	VBLENDVPD Y3, Y2, Y0, Y0
	ADDQ      $4, AX
	JMP       absloop

absdone:
	HMAXQ
	MOVQ AX, ret+16(FP)
	RET

// func colMaxAVX2(row, cm *float64, ca *int, n, i int) uint64
TEXT ·colMaxAVX2(SB), NOSPLIT, $0-48
	MOVQ row+0(FP), SI
	MOVQ cm+8(FP), DI
	MOVQ ca+16(FP), R8
	MOVQ n+24(FP), CX
	VPBROADCASTQ i+32(FP), Y1
	MOVQ $0x7FFFFFFFFFFFFFFF, AX
	MOVQ AX, X6
	VPBROADCASTQ X6, Y6
	VPXOR Y0, Y0, Y0
	XORQ AX, AX

colloop:
	CMPQ AX, CX
	JGE  coldone
	VMOVUPD   (SI)(AX*8), Y2
	VMOVUPD   (DI)(AX*8), Y3
	VCMPPD    $0x1E, Y3, Y2, Y4     // x > cm
	VBLENDVPD Y4, Y2, Y3, Y3
	VMOVUPD   Y3, (DI)(AX*8)
	VMOVDQU   (R8)(AX*8), Y5
	VBLENDVPD Y4, Y1, Y5, Y5        // ca = i where x > cm
	VMOVDQU   Y5, (R8)(AX*8)
	VPAND     Y6, Y2, Y7
	VPCMPGTQ  Y0, Y7, Y8
	VBLENDVPD Y8, Y7, Y0, Y0
	ADDQ      $4, AX
	JMP       colloop

coldone:
	HMAXQ
	MOVQ AX, ret+40(FP)
	RET

// func checkAVX2(row *float64, n int) (other, absBits uint64, valid int)
// other is the OR of every entry's bits XOR those of -Inf (0 exactly when
// every entry is -Inf), absBits the largest finite magnitude's bits, and
// valid the AND of the four lanes' x <= MaxFloat64 masks, as 4 bits.
TEXT ·checkAVX2(SB), NOSPLIT, $0-40
	MOVQ row+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ $0x7FFFFFFFFFFFFFFF, AX
	MOVQ AX, X1
	VPBROADCASTQ X1, Y1              // the magnitude mask
	MOVQ $0xFFF0000000000000, AX
	MOVQ AX, X9
	VPBROADCASTQ X9, Y9              // -Inf
	MOVQ $0x7FF0000000000000, AX
	MOVQ AX, X10
	VPBROADCASTQ X10, Y10            // +Inf
	MOVQ $0x7FEFFFFFFFFFFFFF, AX
	MOVQ AX, X11
	VPBROADCASTQ X11, Y11            // math.MaxFloat64
	VPXOR   Y0, Y0, Y0               // finite magnitudes' maximum
	VPXOR   Y12, Y12, Y12            // other
	VPCMPEQQ Y13, Y13, Y13           // valid, all ones
	XORQ AX, AX

checkloop:
	CMPQ AX, CX
	JGE  checkdone
	VMOVUPD   (SI)(AX*8), Y2
	VPXOR     Y9, Y2, Y3
	VPOR      Y3, Y12, Y12
	VCMPPD    $0x12, Y11, Y2, Y6    // x <= MaxFloat64
	VPAND     Y6, Y13, Y13
	VPAND     Y1, Y2, Y4            // magnitude
	VPCMPGTQ  Y4, Y10, Y5           // finite: +Inf > magnitude
	VPAND     Y5, Y4, Y4
	VPCMPGTQ  Y0, Y4, Y5
	VBLENDVPD Y5, Y4, Y0, Y0
	ADDQ      $4, AX
	JMP       checkloop

checkdone:
	VMOVMSKPD Y13, DX
	MOVQ      DX, valid+32(FP)
	VEXTRACTF128 $1, Y12, X3
	VPOR      X3, X12, X12
	VPEXTRQ   $1, X12, DX
	MOVQ      X12, BX
	ORQ       DX, BX
	MOVQ      BX, other+16(FP)
	HMAXQ
	MOVQ AX, absBits+24(FP)
	RET

// func transposeAVX2(src *float64, sstride int, dst *float64, dstride, rows4, cols4 int) uint64
// copies the (4·rows4)×(4·cols4) block of src, rows sstride apart, to dst
// transposed (dst's rows dstride apart), 4×4 at a time, and returns the
// largest bit pattern of the magnitudes copied.
TEXT ·transposeAVX2(SB), NOSPLIT, $0-56
	MOVQ src+0(FP), SI
	MOVQ sstride+8(FP), R9
	SHLQ $3, R9                      // bytes between source rows
	MOVQ dst+16(FP), DI
	MOVQ dstride+24(FP), R10
	SHLQ $3, R10                     // bytes between destination rows
	MOVQ rows4+32(FP), R11
	MOVQ cols4+40(FP), R12
	MOVQ $0x7FFFFFFFFFFFFFFF, AX
	MOVQ AX, X13
	VPBROADCASTQ X13, Y13
	VPXOR Y0, Y0, Y0

trows:
	TESTQ R11, R11
	JZ    tdone
	MOVQ  SI, R13                    // the block's first source entry
	MOVQ  DI, R8                     // the block's first destination entry
	MOVQ  R12, CX

tcols:
	TESTQ CX, CX
	JZ    tnextrows
	MOVQ  R13, DX
	VMOVUPD (DX), Y1
	ADDQ    R9, DX
	VMOVUPD (DX), Y2
	ADDQ    R9, DX
	VMOVUPD (DX), Y3
	ADDQ    R9, DX
	VMOVUPD (DX), Y4
	VUNPCKLPD  Y2, Y1, Y5            // a0 b0 a2 b2
	VUNPCKHPD  Y2, Y1, Y6            // a1 b1 a3 b3
	VUNPCKLPD  Y4, Y3, Y7            // c0 d0 c2 d2
	VUNPCKHPD  Y4, Y3, Y8            // c1 d1 c3 d3
	VPERM2F128 $0x20, Y7, Y5, Y9     // a0 b0 c0 d0
	VPERM2F128 $0x20, Y8, Y6, Y10    // a1 b1 c1 d1
	VPERM2F128 $0x31, Y7, Y5, Y11    // a2 b2 c2 d2
	VPERM2F128 $0x31, Y8, Y6, Y12    // a3 b3 c3 d3
	MOVQ    R8, BX
	VMOVUPD Y9, (BX)
	ADDQ    R10, BX
	VMOVUPD Y10, (BX)
	ADDQ    R10, BX
	VMOVUPD Y11, (BX)
	ADDQ    R10, BX
	VMOVUPD Y12, (BX)
	VPAND     Y13, Y1, Y1
	VPAND     Y13, Y2, Y2
	VPAND     Y13, Y3, Y3
	VPAND     Y13, Y4, Y4
	VPCMPGTQ  Y1, Y2, Y5
	VBLENDVPD Y5, Y2, Y1, Y1
	VPCMPGTQ  Y3, Y4, Y5
	VBLENDVPD Y5, Y4, Y3, Y3
	VPCMPGTQ  Y1, Y3, Y5
	VBLENDVPD Y5, Y3, Y1, Y1
	VPCMPGTQ  Y0, Y1, Y5
	VBLENDVPD Y5, Y1, Y0, Y0
	ADDQ    $32, R13                 // four source columns on
	LEAQ    (R8)(R10*4), R8          // four destination rows on
	DECQ    CX
	JMP     tcols

tnextrows:
	LEAQ (SI)(R9*4), SI              // four source rows on
	ADDQ $32, DI                     // four destination columns on
	DECQ R11
	JMP  trows

tdone:
	HMAXQ
	MOVQ AX, ret+48(FP)
	RET
