hi.svm storm.svm
