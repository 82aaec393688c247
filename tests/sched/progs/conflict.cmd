blinky.svm ledclaim.svm
