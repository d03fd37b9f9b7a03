//go:build amd64 && !purego

#include "textflag.h"

// The kernels of the shortest-path search's relaxations (see relax.go),
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
	VMOVUPD      (SI)(AX*8), Y2
	VADDPD       Y2, Y0, Y2          // base + w
	VMOVUPD      (DX)(AX*8), Y3
	VSUBPD       Y3, Y2, Y2          // h = (base + w) - z
	VMOVUPD      (DI)(AX*8), Y4
	VCMPPD       $0x1E, Y4, Y2, Y5   // h > d
	VBLENDVPD    Y5, Y2, Y4, Y4      // d = max(d, h)
	VMOVUPD      Y4, (DI)(AX*8)
	VMOVDQU      (R8)(AX*8), Y6
	VBLENDVPD    Y5, Y1, Y6, Y6      // pred = i where h > d
	VMOVDQU      Y6, (R8)(AX*8)
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
	VMOVUPD      (SI)(AX*8), Y2
	VADDPD       Y2, Y0, Y2          // base + w
	VMOVUPD      (DX)(AX*8), Y3
	VSUBPD       Y3, Y2, Y2          // h = (base + w) - z
	VMOVUPD      (DI)(AX*8), Y4
	VCMPPD       $0x1E, Y4, Y2, Y5   // h > d
	VCMPPD       $0x1D, Y8, Y2, Y6   // h >= level
	VANDPD       Y5, Y6, Y6
	VMOVMSKPD    Y6, BX
	TESTQ        BX, BX
	JNZ          leveldone           // a column reaches the level: the caller takes this block
	VBLENDVPD    Y5, Y2, Y4, Y4      // d = h where h > d
	VMOVUPD      Y4, (DI)(AX*8)
	VMOVDQU      (R8)(AX*8), Y6
	VBLENDVPD    Y5, Y1, Y6, Y6      // pred = i where h > d
	VMOVDQU      Y6, (R8)(AX*8)
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
