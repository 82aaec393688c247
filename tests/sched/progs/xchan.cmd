ctrl.svm logger.svm
