module github.com/duomatch/duo/bench/lemon

go 1.24.0

require github.com/duomatch/duo v0.0.0

require gonum.org/v1/gonum v0.17.0 // indirect

replace github.com/duomatch/duo => ../..
