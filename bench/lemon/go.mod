module github.com/duomatch/duo/bench/lemon

go 1.24.0

require github.com/duomatch/duo v0.0.0

replace github.com/duomatch/duo => ../..
